"""positive [LG009]: a bug report builds nn.KLDivLoss() with the default reduction='mean', which divides the summed divergence by the number of elements instead of the batch, then feeds it the log of one distribution and another distribution; the repro is a top-level script."""
# Source: pytorch/pytorch issue #60928 "Negative loss value of nn.KLDivLoss" (the reproduction as posted; re-typed, names renamed; the negative value comes from a target that does not sum to one, which no rule covers)
import numpy as np
import torch
import torch.nn as nn

kl = nn.KLDivLoss()  # expect: LG009
pred = torch.from_numpy(np.array([[0.1132, 0.5477, 0.3390]])).float()
ref = torch.from_numpy(np.array([[0.1541, 0.0511, 0.0947]])).float()
kl(pred.log(), ref)
