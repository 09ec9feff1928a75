"""look-alike [LG002, LG003]: a bug report feeds BCELoss literal inputs of 1 (probabilities at the edge of [0, 1]) and BCEWithLogitsLoss literal logits of 8e7, both against zero targets; posted with typos (`torch.augograd`, `taget`) that leave names undefined."""
# Source: pytorch/pytorch issue #4867 "Strange output for BCELoss and BCEWithLogitsLoss" (the two examples as posted, typos kept; re-typed, names renamed)
import torch

# Example 1 for BCELoss
inp = torch.autograd.Variable(torch.Tensor([1, 1]))
goal = torch.augograd.Variable(torch.Tensor([0, 0]))
loss1 = torch.nn.BCELoss()
a1 = loss1(inp, gaol)

# Example 2 for BCEWithLogitsLoss
inp = torch.autograd.Variable(torch.Tensor([8e7, 8e7]))
goal = torch.augograd.Variable(torch.Tensor([0, 0]))
loss0 = torch.nn.BCEWithLogitsLoss()
a0 = loss0(inp, gaol)
