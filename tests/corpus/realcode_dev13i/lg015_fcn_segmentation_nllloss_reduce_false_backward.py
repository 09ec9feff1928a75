"""positive [LG010, LG015]: a per-pixel NLLLoss built with the deprecated reduce=False gives a 3-D loss, and backward() is called on it directly."""
# Source: https://github.com/pytorch/pytorch/issues/6166 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed, the model and data stubbed)
import torch
import torch.nn as nn


def train_step(net, images, labels, optimizer):
    log_softmax = nn.LogSoftmax(dim=1).cuda()
    criterion = torch.nn.NLLLoss(reduce=False).cuda()  # expect: LG010

    optimizer.zero_grad()
    scores = net(images)
    scores = log_softmax(scores)
    loss = criterion(scores, labels)
    loss.backward()  # expect: LG015
    optimizer.step()
    return loss
