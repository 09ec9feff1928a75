"""part of look-alike project [LG003, LG002]: R3Net returns seven raw side predictions as a tuple while self.training, and F.sigmoid(predict6) only in evaluation."""
# Source: https://github.com/zijundeng/R3Net model.py at 93b8a34e68445aea1b97cdda9bc7a34be99309db (issue #3 asked why the model ends in a
# sigmoid while training uses BCEWithLogitsLoss; the sigmoid is only applied at test time); re-typed, names changed,
# reduced (the ResNeXt backbone and the refinement blocks are summarised). Correct code.
import torch
import torch.nn.functional as F
from torch import nn


class R3Net(nn.Module):
    def __init__(self, backbone):
        super(R3Net, self).__init__()
        self.layer0, self.layer1, self.layer2 = backbone.layer0, backbone.layer1, backbone.layer2
        self.reduce_low = nn.Sequential(nn.Conv2d(64 + 256 + 512, 256, kernel_size=3, padding=1), nn.BatchNorm2d(256), nn.PReLU())
        self.predict0 = nn.Conv2d(256, 1, kernel_size=1)
        self.predict1 = nn.Sequential(nn.Conv2d(257, 128, kernel_size=3, padding=1), nn.PReLU(), nn.Conv2d(128, 1, kernel_size=1))

    def forward(self, x):
        layer0 = self.layer0(x)
        layer1 = self.layer1(layer0)
        layer2 = self.layer2(layer1)
        l0_size = layer0.size()[2:]
        reduce_low = self.reduce_low(torch.cat((
            layer0,
            F.upsample(layer1, size=l0_size, mode="bilinear", align_corners=True),
            F.upsample(layer2, size=l0_size, mode="bilinear", align_corners=True)), 1))
        predict0 = self.predict0(reduce_low)
        predict1 = self.predict1(torch.cat((predict0, reduce_low), 1)) + predict0
        predict0 = F.upsample(predict0, size=x.size()[2:], mode="bilinear", align_corners=True)
        predict1 = F.upsample(predict1, size=x.size()[2:], mode="bilinear", align_corners=True)
        if self.training:
            return predict0, predict1
        return F.sigmoid(predict1)
