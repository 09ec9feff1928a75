"""part of positive project [LG010]: U2NET and U2NETP both return the fused map and six side maps, each through F.sigmoid, as a 7-tuple."""
# Source: xuebinqin/U-2-Net@ac7e1c817ecab7c7dff5ce6b1abba61cd213ff29 model/u2net.py (read as is; re-typed, cut at class boundaries: REBNCONV and the RSU7/RSU6/RSU5/RSU4/RSU4F blocks left out, the stages renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


def _upsample_like(src, tar):
    return F.upsample(src, size=tar.shape[2:], mode='bilinear')


class U2NET(nn.Module):

    def __init__(self, in_ch=3, out_ch=1):
        super(U2NET, self).__init__()

        self.enc1 = RSU7(in_ch, 32, 64)
        self.down1 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc2 = RSU6(64, 32, 128)
        self.down2 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc3 = RSU5(128, 64, 256)
        self.down3 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc4 = RSU4(256, 128, 512)
        self.down4 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc5 = RSU4F(512, 256, 512)
        self.down5 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc6 = RSU4F(512, 256, 512)

        self.dec5 = RSU4F(1024, 256, 512)
        self.dec4 = RSU4(1024, 128, 256)
        self.dec3 = RSU5(512, 64, 128)
        self.dec2 = RSU6(256, 32, 64)
        self.dec1 = RSU7(128, 16, 64)

        self.side1 = nn.Conv2d(64, out_ch, 3, padding=1)
        self.side2 = nn.Conv2d(64, out_ch, 3, padding=1)
        self.side3 = nn.Conv2d(128, out_ch, 3, padding=1)
        self.side4 = nn.Conv2d(256, out_ch, 3, padding=1)
        self.side5 = nn.Conv2d(512, out_ch, 3, padding=1)
        self.side6 = nn.Conv2d(512, out_ch, 3, padding=1)

        self.fuse = nn.Conv2d(6 * out_ch, out_ch, 1)

    def forward(self, x):
        h1 = self.enc1(x)
        h2 = self.enc2(self.down1(h1))
        h3 = self.enc3(self.down2(h2))
        h4 = self.enc4(self.down3(h3))
        h5 = self.enc5(self.down4(h4))
        h6 = self.enc6(self.down5(h5))

        g5 = self.dec5(torch.cat((_upsample_like(h6, h5), h5), 1))
        g4 = self.dec4(torch.cat((_upsample_like(g5, h4), h4), 1))
        g3 = self.dec3(torch.cat((_upsample_like(g4, h3), h3), 1))
        g2 = self.dec2(torch.cat((_upsample_like(g3, h2), h2), 1))
        g1 = self.dec1(torch.cat((_upsample_like(g2, h1), h1), 1))

        s1 = self.side1(g1)
        s2 = _upsample_like(self.side2(g2), s1)
        s3 = _upsample_like(self.side3(g3), s1)
        s4 = _upsample_like(self.side4(g4), s1)
        s5 = _upsample_like(self.side5(g5), s1)
        s6 = _upsample_like(self.side6(h6), s1)

        s0 = self.fuse(torch.cat((s1, s2, s3, s4, s5, s6), 1))

        return F.sigmoid(s0), F.sigmoid(s1), F.sigmoid(s2), F.sigmoid(s3), F.sigmoid(s4), F.sigmoid(s5), F.sigmoid(s6)


class U2NETP(nn.Module):

    def __init__(self, in_ch=3, out_ch=1):
        super(U2NETP, self).__init__()

        self.enc1 = RSU7(in_ch, 16, 64)
        self.down1 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc2 = RSU6(64, 16, 64)
        self.down2 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc3 = RSU5(64, 16, 64)
        self.down3 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc4 = RSU4(64, 16, 64)
        self.down4 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc5 = RSU4F(64, 16, 64)
        self.down5 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.enc6 = RSU4F(64, 16, 64)

        self.dec5 = RSU4F(128, 16, 64)
        self.dec4 = RSU4(128, 16, 64)
        self.dec3 = RSU5(128, 16, 64)
        self.dec2 = RSU6(128, 16, 64)
        self.dec1 = RSU7(128, 16, 64)

        self.side1 = nn.Conv2d(64, out_ch, 3, padding=1)
        self.side2 = nn.Conv2d(64, out_ch, 3, padding=1)
        self.side3 = nn.Conv2d(64, out_ch, 3, padding=1)
        self.side4 = nn.Conv2d(64, out_ch, 3, padding=1)
        self.side5 = nn.Conv2d(64, out_ch, 3, padding=1)
        self.side6 = nn.Conv2d(64, out_ch, 3, padding=1)

        self.fuse = nn.Conv2d(6 * out_ch, out_ch, 1)

    def forward(self, x):
        h1 = self.enc1(x)
        h2 = self.enc2(self.down1(h1))
        h3 = self.enc3(self.down2(h2))
        h4 = self.enc4(self.down3(h3))
        h5 = self.enc5(self.down4(h4))
        h6 = self.enc6(self.down5(h5))

        g5 = self.dec5(torch.cat((_upsample_like(h6, h5), h5), 1))
        g4 = self.dec4(torch.cat((_upsample_like(g5, h4), h4), 1))
        g3 = self.dec3(torch.cat((_upsample_like(g4, h3), h3), 1))
        g2 = self.dec2(torch.cat((_upsample_like(g3, h2), h2), 1))
        g1 = self.dec1(torch.cat((_upsample_like(g2, h1), h1), 1))

        s1 = self.side1(g1)
        s2 = _upsample_like(self.side2(g2), s1)
        s3 = _upsample_like(self.side3(g3), s1)
        s4 = _upsample_like(self.side4(g4), s1)
        s5 = _upsample_like(self.side5(g5), s1)
        s6 = _upsample_like(self.side6(h6), s1)

        s0 = self.fuse(torch.cat((s1, s2, s3, s4, s5, s6), 1))

        return F.sigmoid(s0), F.sigmoid(s1), F.sigmoid(s2), F.sigmoid(s3), F.sigmoid(s4), F.sigmoid(s5), F.sigmoid(s6)
