"""positive [LG005, LG016]: the reporter's program: outputs built with np.random.rand(64, 1) and targets with np.random.rand(64), both through torch.Tensor(...), give BCEWithLogitsLoss and BCELoss a (64, 1) input against a (64,) target."""
# Source: https://github.com/pytorch/pytorch/issues/1939 ("Different behaviour of BCEWithLogitsLoss and
# BCELoss + Sigmoid", the program in the report); re-typed, names changed.
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

sigmoid = nn.Sigmoid()

t = np.round(np.random.rand(64))
o = np.random.rand(64, 1) - 0.5

t = Variable(torch.Tensor(t))
o = Variable(torch.Tensor(o))

print(nn.BCEWithLogitsLoss()(o, t))  # expect: LG005
print(nn.BCELoss()(sigmoid(o), t))  # expect: LG005, LG016

o = np.random.rand(64) - 0.5
o = Variable(torch.Tensor(o))

print(nn.BCEWithLogitsLoss()(o, t))
print(nn.BCELoss()(sigmoid(o), t))  # expect: LG016
