"""part of positive project [LG010]: F3Net's six prediction heads are 3x3 convolutions to one channel, bilinearly upsampled; forward returns those raw maps (the test script applies torch.sigmoid for the saliency map)."""
# Source: weijun-arc/F3Net at eecace3a (read at the code issue #11, "Missing sigmoid in structure_loss?", asks about;
# the asker withdrew: the call takes logits), src/net.py;
# re-typed, identifiers renamed; the ResNet backbone, the cascaded feedback decoder and weight_init (same file) cut and
# left undefined.
import torch
import torch.nn as nn
import torch.nn.functional as F


class F3Net(nn.Module):
    def __init__(self, cfg):
        super(F3Net, self).__init__()
        self.cfg = cfg
        self.bkbone = ResNet()
        self.squeeze5 = nn.Sequential(nn.Conv2d(2048, 64, 1), nn.BatchNorm2d(64), nn.ReLU(inplace=True))
        self.squeeze4 = nn.Sequential(nn.Conv2d(1024, 64, 1), nn.BatchNorm2d(64), nn.ReLU(inplace=True))
        self.squeeze3 = nn.Sequential(nn.Conv2d(512, 64, 1), nn.BatchNorm2d(64), nn.ReLU(inplace=True))
        self.squeeze2 = nn.Sequential(nn.Conv2d(256, 64, 1), nn.BatchNorm2d(64), nn.ReLU(inplace=True))
        self.decoder1 = Decoder()
        self.decoder2 = Decoder()
        self.head_p1 = nn.Conv2d(64, 1, kernel_size=3, stride=1, padding=1)
        self.head_p2 = nn.Conv2d(64, 1, kernel_size=3, stride=1, padding=1)
        self.head_r2 = nn.Conv2d(64, 1, kernel_size=3, stride=1, padding=1)
        self.head_r3 = nn.Conv2d(64, 1, kernel_size=3, stride=1, padding=1)
        self.head_r4 = nn.Conv2d(64, 1, kernel_size=3, stride=1, padding=1)
        self.head_r5 = nn.Conv2d(64, 1, kernel_size=3, stride=1, padding=1)

    def forward(self, x, shape=None):
        f2, f3, f4, f5 = self.bkbone(x)
        f2, f3, f4, f5 = self.squeeze2(f2), self.squeeze3(f3), self.squeeze4(f4), self.squeeze5(f5)
        f2, f3, f4, f5, p1 = self.decoder1(f2, f3, f4, f5)
        f2, f3, f4, f5, p2 = self.decoder2(f2, f3, f4, f5, p1)

        shape = x.size()[2:] if shape is None else shape
        p1 = F.interpolate(self.head_p1(p1), size=shape, mode="bilinear")
        p2 = F.interpolate(self.head_p2(p2), size=shape, mode="bilinear")
        r2 = F.interpolate(self.head_r2(f2), size=shape, mode="bilinear")
        r3 = F.interpolate(self.head_r3(f3), size=shape, mode="bilinear")
        r4 = F.interpolate(self.head_r4(f4), size=shape, mode="bilinear")
        r5 = F.interpolate(self.head_r5(f5), size=shape, mode="bilinear")
        return p1, p2, r2, r3, r4, r5
