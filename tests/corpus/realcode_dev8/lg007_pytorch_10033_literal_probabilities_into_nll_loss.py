"""positive [LG007]: a bug report passes a literal row of probabilities ([.9, .1]) to F.nll_loss and gets -0.9; the reporter's own follow-up says the input must hold log-probabilities."""
# Source: https://github.com/pytorch/pytorch/issues/10033 (the description's "Code example", as posted; the reporter's comment names the misuse)
import torch
input = torch.tensor([[.9,.1]])
target = torch.tensor([0])
nll = torch.nn.functional.nll_loss(input, target)  # expect: LG007
print(nll)
