"""look-alike [LG001, LG010]: a guide's "bad example" builds CrossEntropyLoss with the tensors as constructor arguments (sigmoid probabilities, labels)."""

# Source: https://runebook.dev/en/docs/pytorch/generated/torch.nn.functional.sigmoid ("A Guide to Sigmoid, Softmax, and
# BCEWithLogitsLoss in PyTorch", 2025-09-06), its bad and good examples, re-typed and renamed. The bad line passes the
# tensors to the class, not to a loss object: it builds a module (weight=probabilities, the deprecated size_average=
# labels) and computes no loss, so no rule about a loss's input applies; the page's point (sigmoid before
# CrossEntropyLoss) is outside the catalog too. `labels` is not defined in the bad example.
import torch
import torch.nn as nn
import torch.nn.functional as F

# Incorrect usage
scores = torch.randn(10, 1)
probabilities = F.sigmoid(scores)
loss = nn.CrossEntropyLoss(probabilities, labels)

# Correct usage for binary classification
scores = torch.randn(10, 1)
targets = torch.randint(0, 2, (10, 1)).float()
loss_fn = nn.BCEWithLogitsLoss()
loss = loss_fn(scores, targets)
print(f"BCEWithLogitsLoss: {loss}")
