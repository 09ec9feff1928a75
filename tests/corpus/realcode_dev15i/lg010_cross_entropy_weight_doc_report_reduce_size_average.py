"""positive [LG010]: a report on CrossEntropyLoss's weighting calls F.cross_entropy(input, target, weight, reduce=True, size_average=True), the deprecated arguments."""

# Source: https://github.com/pytorch/pytorch/issues/15258 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed)
import torch
import torch.nn.functional as F

scores = torch.tensor([[-5.0, -6.0], [3.0, 2.0], [3.0, 2.0]], requires_grad=True)
classes = torch.tensor([1, 0, 1])
class_weight = torch.tensor([3.0, 2.0])
out = F.cross_entropy(scores, classes, class_weight, reduce=True, size_average=True)  # expect: LG010
total = out.sum()
total.backward()
print(out, scores.grad)
