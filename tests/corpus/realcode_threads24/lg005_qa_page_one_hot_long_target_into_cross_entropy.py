"""positive [LG005]: a Q&A page's wrong way: one-hot integer rows as the target of CrossEntropyLoss raise "0D or 1D target tensor expected"."""

# Source: https://taourl.com/read-2437117.html ("RuntimeError- 0D or 1D target tensor expected, multi-target not
# supported", a generated answer page), its "incorrect implementation", re-typed. The stored text lost the "()" of
# `nn.CrossEntropyLoss` (as on the other taourl pages of realcode_threads23), restored here. The page's fix: class
# indices, `target.argmax(dim=1)`; BCEWithLogitsLoss for multi-label targets.
import torch
import torch.nn as nn

output = torch.randn(3, 5)  # model output (batch_size=3, num_classes=5)
target = torch.tensor([[0, 1, 0, 0, 0], [0, 0, 0, 1, 0], [1, 0, 0, 0, 0]])  # one-hot encoded
loss_fn = nn.CrossEntropyLoss()
loss = loss_fn(output, target)  # expect: LG005

target_indices = torch.argmax(target, dim=1)
loss = loss_fn(output, target_indices)
