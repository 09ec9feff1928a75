"""look-alike [LG001, LG013]: a report of CrossEntropyLoss on very large logits passes raw scores (no softmax) and a long class-index target; subtracting the max is a shift of the logits, not a normalisation."""
# Source: https://github.com/pytorch/pytorch/issues/11752 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed)
import torch
from torch import nn

crit = nn.CrossEntropyLoss()
target = torch.ones(1, dtype=torch.long)
small = torch.ones(1, 2, dtype=torch.float32)
big = small * 1e8

loss_small = crit(small, target)
loss_big = crit(big, target)
loss_shifted = crit(big - big.max(), target)
print(loss_small, loss_big, loss_shifted)
