"""positive [LG016]: a feature request compares BCEWithLogitsLoss on raw values with BCELoss on torch.sigmoid(...) and on an nn.Sigmoid() module, every argument passed by keyword (input=, target=); the explicit sigmoid right before BCELoss is what the rule names."""
# Source: https://github.com/pytorch/pytorch/issues/139916 (the description's first code block, as posted; the post continues past what was read)
import torch
from torch import nn

tensor1 = torch.tensor([0.4, 0.8, 0.6, 0.3, 0.0, 0.5])
tensor2 = torch.tensor([0.2, 0.9, 0.4, 0.1, 0.8, 0.5])

bcelogits = nn.BCEWithLogitsLoss()
bcelogits(input=tensor1, target=tensor2)
# tensor(0.7205)

bceloss = nn.BCELoss()
bceloss(input=torch.sigmoid(input=tensor1), target=tensor2)  # expect: LG016
# tensor(0.7205)

sigmoid = nn.Sigmoid()

bceloss = nn.BCELoss()
bceloss(input=sigmoid(input=tensor1), target=tensor2)  # expect: LG016
# tensor(0.7205)
