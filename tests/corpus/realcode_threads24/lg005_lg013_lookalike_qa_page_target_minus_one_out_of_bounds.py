"""look-alike [LG005, LG013]: a Q&A page's CrossEntropyLoss whose integer target holds -1 ("Target -1 is out of bounds": a value outside the classes, outside the catalog)."""

# Source: https://taourl.com/read-2964347.html ("CrossEntropyLoss- Target -1 is out of bounds", a generated answer
# page), both examples re-typed; the stored text lost the "()" of `nn.CrossEntropyLoss`, restored here. Shapes and
# dtypes are right: (3, 5) scores, (3,) integer class indices.
import torch
import torch.nn as nn

logits = torch.randn(3, 5)  # 3 samples, 5 classes
targets = torch.tensor([0, 3, -1])  # invalid target (-1)
loss_fn = nn.CrossEntropyLoss()
loss = loss_fn(logits, targets)

targets = torch.tensor([0, 3, 4])  # valid targets (assuming 5 classes)
loss = loss_fn(logits, targets)
