"""look-alike [LG013, LG005]: a guide's "problem code": one-hot float targets of shape (N, C) into CrossEntropyLoss, which reads them as class probabilities."""

# Source: https://runebook.dev/en/docs/pytorch/generated/torch.nn.crossentropyloss ("A Developer's Guide to PyTorch's
# CrossEntropyLoss", 2025-09-22), its problem code and solution, re-typed and renamed. The page says the one-hot call
# raises; since torch 1.10 a float target of the input's shape is a distribution per row, which one-hot rows are, so
# the call computes the same loss as the class indices: no misuse. The solution's indices are cut in the excerpt
# (`tor...`), completed from its comment (class 1, 0, 2, 0).
import torch
import torch.nn as nn

num_classes = 3
batch_size = 4
scores = torch.randn(batch_size, num_classes)
one_hot_targets = torch.tensor([[0, 1, 0], [1, 0, 0], [0, 0, 1], [1, 0, 0]], dtype=torch.float32)

loss_fn = nn.CrossEntropyLoss()
try:
    loss = loss_fn(scores, one_hot_targets)
except RuntimeError as e:
    print(f"Error: {e}")

scores = torch.randn(batch_size, num_classes)
correct_targets = torch.tensor([1, 0, 2, 0])
loss = loss_fn(scores, correct_targets)
