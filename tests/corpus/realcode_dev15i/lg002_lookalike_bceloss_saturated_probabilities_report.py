"""look-alike [LG002, LG003]: a report of BCELoss's clamp feeds a constant tensor of ones (already in [0, 1]) to BCELoss and huge raw scores to BCEWithLogitsLoss; no unbounded value reaches BCELoss, no sigmoid reaches the logits loss."""

# Source: https://github.com/pytorch/pytorch/issues/4867 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed, Variable dropped)
import torch

probs = torch.Tensor([1, 1])
zeros = torch.Tensor([0, 0])
bce = torch.nn.BCELoss()
print(bce(probs, zeros))

huge = torch.Tensor([8e7, 8e7])
bce_logits = torch.nn.BCEWithLogitsLoss()
print(bce_logits(huge, zeros))
