"""look-alike [LG012, LG006]: an LSTM's raw output into a ctc_loss the post never defines (warp-ctc took activations), the cost returned."""

# Source: https://discuss.pytorch.org/t/gpu-memory-gets-filled/8190 (the question's train_model, re-typed and renamed;
# 2017, before torch.nn.CTCLoss existed: ctc_loss is not defined in the post). The poster accumulates
# cost.data.numpy() outside the function (not shown). Nothing here is known to be torch's CTC loss, so its input
# convention is unknown. `model`, `opt` and `ctc_loss` are not defined in the post.
import torch
from torch.autograd import Variable


def train_model(batch):
    opt.zero_grad()
    feats = Variable(torch.from_numpy(batch[1]), requires_grad=True).cuda()
    target = Variable(torch.IntTensor(batch[0]))
    input_length = Variable(torch.IntTensor(batch[2]))
    target_length = Variable(torch.IntTensor(batch[3]))
    output = model(feats)
    output = output.unsqueeze(1)
    cost = ctc_loss(output, target.squeeze(0), input_length.squeeze(0), target_length.squeeze(0))
    cost.backward()
    opt.step()
    return cost
