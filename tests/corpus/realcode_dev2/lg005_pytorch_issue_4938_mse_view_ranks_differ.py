"""positive [LG005]: the reporter's program: F.mse_loss of output.view(2, 1) against target.view(2, 1, 1, 1) broadcasts to (2, 1, 2, 1) and disagrees with the hand-written mean of squares."""
# Source: https://github.com/pytorch/pytorch/issues/4938 ("`F.mse_loss` has strange broadcasting semantics",
# the program in the report; the deprecated positional size_average argument left out); re-typed, names changed.
import torch
import torch.nn.functional as F
from torch.autograd import Variable

output = Variable(torch.Tensor([1, 2]), requires_grad=True)
target = Variable(torch.Tensor([0, 1]))

by_loss = F.mse_loss(output.view(2, 1), target.view(2, 1, 1, 1))  # expect: LG005
by_hand = ((output.view(2, 1) - target.view(2, 1, 1, 1)) ** 2).mean()
print(by_loss.item(), by_hand.item())
