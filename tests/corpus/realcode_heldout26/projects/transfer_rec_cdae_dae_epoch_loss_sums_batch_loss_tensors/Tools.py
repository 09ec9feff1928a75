"""part of positive project [LG006]: the activation helper picks an activation by name."""
# Source: khanhnamle1994/transfer-rec at b5e36cb5 (read as is), Autoencoders-Experiments/CDAE-PyTorch/Tools.py;
# re-typed; RunningAverage cut.
import torch.nn.functional as F


def apply_activation(act_name, x):
    if act_name == 'sigmoid':
        return F.sigmoid(x)
    elif act_name == 'tanh':
        return F.tanh(x)
    elif act_name == 'relu':
        return F.relu(x)
    elif act_name == 'elu':
        return F.elu(x)
    else:
        raise NotImplementedError('Choose appropriate activation function. (current input: %s)' % act_name)
