"""positive [LG005]: the reporter's program: L1Loss of a (10, 500, 80) input against a (10, 80, 500) target, the same number of elements in another layout (torch 0.3 compared them element by element; today it raises)."""
# Source: https://github.com/pytorch/pytorch/issues/5007 ("nn.L1Loss takes input, target tensors that don't have
# broadcastable sizes", the program in the report); re-typed, names changed.
import torch
from torch.autograd import Variable

criterion = torch.nn.L1Loss()
a = torch.ones(10, 500, 80)
b = torch.zeros(10, 80, 500)
loss = criterion(Variable(a), Variable(b))  # expect: LG005
print(loss)
