"""positive [LG011]: a blog's first softmax example builds nn.Softmax() with no dim and shows the deprecation warning it prints."""

# Source: https://mingle-mangle.com/blog-1586501.html (a Chinese note on torch.nn.functional.softmax's dim, also at
# codeprj.com/zh/blog/a2e5841.html), its examples, re-typed and renamed. The note: without dim PyTorch warns
# "Implicit dimension choice for softmax has been deprecated"; here it picked dim=1; declare dim. Its later examples
# pass dim=0 and dim=1.
import torch
import torch.nn.functional as F
from torch import autograd, nn

m = nn.Softmax()  # expect: LG011
batch = autograd.Variable(torch.randn(2, 3))
print(batch)
print(m(batch))

x = torch.Tensor([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]])
y1 = F.softmax(x, dim=0)  # each column
print(y1)
y2 = F.softmax(x, dim=1)  # each row
print(y2)
x1 = torch.Tensor([1, 2, 3, 4])
y3 = F.softmax(x1, dim=0)
print(y3)
