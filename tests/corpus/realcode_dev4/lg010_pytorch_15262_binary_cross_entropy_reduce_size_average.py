"""positive [LG010]: a documentation report calls F.binary_cross_entropy with the deprecated reduce= and size_average= flags instead of reduction=, in a top-level script that back-propagates the result."""
# Source: pytorch/pytorch issue #15262 "doc err:torch.nn.BCELoss" (the script as posted; re-typed, names renamed; its target of 3.0 outside [0, 1] is what the report is about, no rule covers it)
import torch
import torch.nn.functional as F

probs = [[0.2, 0.1]]
wanted = [[1.0, 3.0]]
p = torch.tensor(probs, requires_grad=True)
t = torch.tensor(wanted)
out = F.binary_cross_entropy(p, t, reduce=True, size_average=True)  # expect: LG010
total = out.sum()
total.backward()
print(out)
