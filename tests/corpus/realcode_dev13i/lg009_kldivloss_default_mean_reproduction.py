"""positive [LG009]: a report of a "negative KLDivLoss" builds nn.KLDivLoss() with the default reduction='mean' (and an unnormalised target)."""
# Source: https://github.com/pytorch/pytorch/issues/60928 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed)
import numpy as np
import torch
import torch.nn as nn

criterion = nn.KLDivLoss()  # expect: LG009
pred = torch.from_numpy(np.array([[0.1132, 0.5477, 0.3390]])).float()
ref = torch.from_numpy(np.array([[0.1541, 0.0511, 0.0947]])).float()
value = criterion(pred.log(), ref)
