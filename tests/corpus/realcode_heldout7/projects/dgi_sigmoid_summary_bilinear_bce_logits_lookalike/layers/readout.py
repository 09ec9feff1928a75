"""part of look-alike project [LG003, LG016, LG006]: layers/readout.py as in the source."""
# Source: PetarV-/DGI@61baf67d7052905c77bdeb28c22926f04e182362 layers/readout.py
import torch
import torch.nn as nn

# Applies an average on seq, of shape (batch, nodes, features)
# While taking into account the masking of msk
class AvgReadout(nn.Module):
    def __init__(self):
        super(AvgReadout, self).__init__()

    def forward(self, seq, msk):
        if msk is None:
            return torch.mean(seq, 1)
        else:
            msk = torch.unsqueeze(msk, -1)
            return torch.sum(seq * msk, 1) / torch.sum(msk)
