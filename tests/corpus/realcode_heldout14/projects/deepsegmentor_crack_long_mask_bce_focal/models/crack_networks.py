"""part of positive project [LG004, LG010]: the network returns five side outputs and a fused map, all raw convolution scores; the focal loss wraps BCEWithLogitsLoss."""
# Source: yhlleo/DeepSegmentor at the parent of aeb1281 (pull request #7 "Fixed error of data type mismatch in loss function",
# which adds self.label = self.label.float()), models/deepcrack_networks.py; re-typed, identifiers renamed; the
# convolution stages and the weight initialisation helper cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


class CrackNet(nn.Module):
    def __init__(self, stages, side_convs, fuse_conv):
        super(CrackNet, self).__init__()
        self.stages = nn.ModuleList(stages)
        self.side_convs = nn.ModuleList(side_convs)
        self.fuse_conv = fuse_conv
        self.maxpool = nn.MaxPool2d(2, stride=2)

    def forward(self, x):
        h, w = x.size()[2:]
        sides = []
        feat = x
        for i, (stage, side) in enumerate(zip(self.stages, self.side_convs)):
            feat = stage(feat if i == 0 else self.maxpool(feat))
            out = side(feat)
            if i > 0:
                out = F.interpolate(out, size=(h, w), mode="bilinear", align_corners=True)
            sides.append(out)
        fused = self.fuse_conv(torch.cat(sides, dim=1))
        return sides[0], sides[1], sides[2], sides[3], sides[4], fused


def build_cracknet(input_nc, num_classes, ngf, norm="batch", init_type="xavier", init_gain=0.02, gpu_ids=()):
    net = CrackNet(*make_stages(input_nc, num_classes, ngf, norm))
    return init_net(net, init_type, init_gain, gpu_ids)


class BinaryFocalLoss(nn.Module):
    def __init__(self, alpha=1, gamma=2, logits=False, size_average=True):
        super(BinaryFocalLoss, self).__init__()
        self.alpha = alpha
        self.gamma = gamma
        self.logits = logits
        self.size_average = size_average
        self.criterion = nn.BCEWithLogitsLoss(reduction="none")

    def forward(self, inputs, targets):
        bce = self.criterion(inputs, targets)
        pt = torch.exp(-bce)
        focal = self.alpha * (1 - pt) ** self.gamma * bce
        if self.size_average:
            return focal.mean()
        return focal.sum()
