"""positive [LG005]: the reporter's program: MSELoss of a (100, 1) tensor against a (100,) one gives a different value from the same data reshaped to (100, 1), because the first call broadcasts to (100, 100)."""
# Source: https://github.com/pytorch/pytorch/issues/19699 ("Different loss value based on shape", the program
# in the report); re-typed, names changed.
import torch

loss = torch.nn.MSELoss()
pred = torch.randn(100, 1)
target = torch.randn(100)
broadcast = loss(pred, target)  # expect: LG005
aligned = loss(pred, target.reshape(-1, 1))
print(broadcast.item(), aligned.item())
