"""positive [LG011]: the posted AngleLoss tail takes F.log_softmax of the (N, C) output with no dim before gathering the target column; the thread asks which dimension it normalises."""

# Source: thread https://github.com/clcarwin/sphereface_pytorch/issues/24 ("when CrossEntropyLoss loss=nan"; the
# reporter's posted lines, re-typed and renamed; the margin part of the loss is cut). The thread concluded the call
# should name dim=1 (suanrong: "It should be logpt = F.log_softmax(output,1)").
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class AngleLoss(nn.Module):
    def __init__(self, gamma=0):
        super().__init__()
        self.gamma = gamma

    def forward(self, output, target):
        target = target.view(-1, 1)
        logpt = F.log_softmax(output)  # expect: LG011
        logpt = logpt.gather(1, target)
        logpt = logpt.view(-1)
        pt = Variable(logpt.data.exp())
        loss = -1 * (1 - pt) ** self.gamma * logpt
        return loss.mean()
