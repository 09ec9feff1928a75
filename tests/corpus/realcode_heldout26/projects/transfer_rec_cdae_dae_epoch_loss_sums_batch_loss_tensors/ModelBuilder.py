"""part of positive project [LG006]: the model is built by name."""
# Source: khanhnamle1994/transfer-rec at b5e36cb5 (read as is), Autoencoders-Experiments/CDAE-PyTorch/ModelBuilder.py;
# re-typed.
from CDAE import CDAE
from DAE import DAE


def build_model(model_name, model_conf, num_users, num_items, device):
    if model_name == 'DAE':
        model = DAE(model_conf, num_users, num_items, device)
    elif model_name == 'CDAE':
        model = CDAE(model_conf, num_users, num_items, device)
    else:
        raise NotImplementedError('Choose correct model name.')
    return model
