"""positive [LG010]: a report about BCE targets outside [0, 1] calls F.binary_cross_entropy with the deprecated reduce= and size_average= arguments."""

# Source: https://github.com/pytorch/pytorch/issues/15262 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed)
import torch
import torch.nn.functional as F

scores = torch.tensor([[0.2, 0.1]], requires_grad=True)
labels = torch.tensor([[1.0, 3.0]])
out = F.binary_cross_entropy(scores, labels, reduce=True, size_average=True)  # expect: LG010
total = out.sum()
total.backward()
print(out)
