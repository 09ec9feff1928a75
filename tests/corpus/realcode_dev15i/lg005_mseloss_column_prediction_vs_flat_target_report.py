"""positive [LG005]: a report that MSELoss gives a different value by shape compares a (100, 1) prediction with a (100,) target, which broadcasts to (100, 100)."""

# Source: https://github.com/pytorch/pytorch/issues/19699 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed)
import torch

mse = torch.nn.MSELoss()
pred = torch.randn(100, 1)
target = torch.randn(100)
print(mse(pred, target))  # expect: LG005
print(mse(pred, target.reshape(-1, 1)))
