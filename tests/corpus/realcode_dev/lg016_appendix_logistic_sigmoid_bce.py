"""positive [LG016]: a logistic-regression walk-through computes a = torch.sigmoid(z) and then F.binary_cross_entropy(a, y), and differentiates it with torch.autograd.grad."""
# Source: https://github.com/rasbt/LLMs-from-scratch appendix-A/01_main-chapter-code/code-part1.ipynb at
# 28c65cdfbc3338e2e040016eea4b7fdf556e4d57 (found by this survey); re-typed from two notebook cells, names changed.
import torch
import torch.nn.functional as F
from torch.autograd import grad

y = torch.tensor([1.0])
x1 = torch.tensor([1.1])
w1 = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)

z = x1 * w1 + b
a = torch.sigmoid(z)

loss = F.binary_cross_entropy(a, y)  # expect: LG016

grad_L_w1 = grad(loss, w1, retain_graph=True)
grad_L_b = grad(loss, b, retain_graph=True)
