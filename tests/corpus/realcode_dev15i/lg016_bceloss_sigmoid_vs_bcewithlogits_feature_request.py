"""positive [LG016]: a feature request compares BCEWithLogitsLoss on raw values with BCELoss on torch.sigmoid(...) and on nn.Sigmoid()(...) outputs, an explicit sigmoid right before BCELoss twice."""

# Source: https://github.com/pytorch/pytorch/issues/139916 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed)
import torch
from torch import nn

raw = torch.tensor([0.4, 0.8, 0.6, 0.3, 0.0, 0.5])
soft_target = torch.tensor([0.2, 0.9, 0.4, 0.1, 0.8, 0.5])

with_logits = nn.BCEWithLogitsLoss()
print(with_logits(input=raw, target=soft_target))

bce = nn.BCELoss()
print(bce(input=torch.sigmoid(input=raw), target=soft_target))  # expect: LG016

squash = nn.Sigmoid()
bce = nn.BCELoss()
print(bce(input=squash(input=raw), target=soft_target))  # expect: LG016
