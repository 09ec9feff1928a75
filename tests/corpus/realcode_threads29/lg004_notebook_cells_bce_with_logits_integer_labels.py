"""positive [LG004]: notebook cells reuse `loss` for CrossEntropyLoss, then BCEWithLogitsLoss on the same integer labels."""

# Source: https://github.com/pakmasha99/brain_image_GRF (README notebook, "When binary classification is True"): the
# author pastes a pdb session and re-runs it in cells; the second cell raises "result type Float can't be cast to the
# desired output type Long" because `labels` is an int64 tensor. Re-typed; the printed outputs are left out. The third
# cell (the CrossEntropyLoss documentation examples, class indices and class probabilities) is correct.
import torch
from torch.nn import CrossEntropyLoss, MSELoss, BCEWithLogitsLoss

labels = torch.tensor([1, 0, 1])

## binary classification False
loss = CrossEntropyLoss()
pred = torch.tensor([[-0.2780, 0.2306], [-0.3471, 0.2968], [-0.3351, 0.3481]])
print(labels.shape, pred.shape)
print(loss(pred, labels))

## binary classification True
loss = BCEWithLogitsLoss()
pred = torch.tensor([0.2587, 0.3700, 0.3581])

print(labels, pred)
print(loss(pred, labels))  # expect: LG004

# Example of target with class indices
import torch.nn as nn

loss = nn.CrossEntropyLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.empty(3, dtype=torch.long).random_(5)
print(input.shape, target.shape)
output = loss(input, target)
output.backward()
# Example of target with class probabilities
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5).softmax(dim=1)
output = loss(input, target)
output.backward()
