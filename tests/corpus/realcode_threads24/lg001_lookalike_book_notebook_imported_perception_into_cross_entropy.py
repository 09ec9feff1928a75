"""look-alike [LG001]: a book's notebook feeds the output of a network imported from another file (its last layer a sigmoid, as the printed grad_fn shows) to CrossEntropyLoss; the notebook's own code says nothing of it."""

# Source: https://github.com/miaoyukongkong/Programming-Notes (a notebook of notes on the book 深度学习之PyTorch物体检测实战,
# the loss-function section), its cells re-typed without their printed outputs. `Perception` comes from
# perception_sequential, not in the excerpt; the printed output (`grad_fn=<SigmoidBackward0>`, 10 numbers for one
# sample) shows a sigmoid and no batch axis, and the notebook's own error is "Dimension out of range" (a vector of 10
# against 4 labels). Sigmoid output into CrossEntropyLoss is outside the catalog, and nothing in this file shows it.
import torch
from torch import nn
import torch.nn.functional as F

from perception_sequential import Perception

model = Perception(100, 1000, 10).cuda()
input = torch.randn(100).cuda()
output = model(input)

label = torch.Tensor([0, 1, 1, 0]).long()

criterion = nn.CrossEntropyLoss()
loss_nn = criterion(output, label)

loss_functional = F.cross_entropy(output, label)
