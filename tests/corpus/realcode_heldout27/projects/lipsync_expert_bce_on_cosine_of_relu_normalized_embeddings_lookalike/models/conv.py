"""part of look-alike project [LG002, LG004, LG005, LG006]: the conv block every encoder layer is made of: Conv2d, BatchNorm2d, an optional residual, then ReLU, so every embedding entry is non-negative."""
# Source: Rudrabha/Wav2Lip at 5c90fa9b, models/conv.py; re-typed, identifiers renamed; the unnormalised and transposed
# blocks used by the generator cut.
from torch import nn


class Conv2d(nn.Module):
    def __init__(self, cin, cout, kernel_size, stride, padding, residual=False, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.block = nn.Sequential(nn.Conv2d(cin, cout, kernel_size, stride, padding), nn.BatchNorm2d(cout))
        self.act = nn.ReLU()
        self.residual = residual

    def forward(self, x):
        out = self.block(x)
        if self.residual:
            out += x
        return self.act(out)
