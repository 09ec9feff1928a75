"""positive [LG004, LG016]: a report that binary_cross_entropy rejects a LongTensor target passes torch.LongTensor(3).random_(2) as the target, after an explicit F.sigmoid on the input."""

# Source: https://github.com/pytorch/pytorch/issues/3608 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed, Variable dropped)
import torch
import torch.nn.functional as F

scores = torch.randn(3, requires_grad=True)
labels = torch.LongTensor(3).random_(2)
loss = F.binary_cross_entropy(F.sigmoid(scores), labels)  # expect: LG004, LG016
loss.backward()
