"""positive [LG011]: the single-shot detector builds nn.Softmax() without dim and, at test time, applies it to the (batch * priors, classes) confidences (the fix, "update rfb model", passes dim=-1 in the SSD, FSSD and RFB heads)."""

# Source: ShuangXieIrene/ssds.pytorch@5435100c35 lib/models/ssd.py, fixed in a3e52a2259 (cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class L2Norm(nn.Module):
    def __init__(self, channels, scale):
        super(L2Norm, self).__init__()
        self.weight = nn.Parameter(torch.full((channels,), float(scale)))

    def forward(self, x):
        norm = x.pow(2).sum(dim=1, keepdim=True).sqrt() + 1e-10
        return self.weight.view(1, -1, 1, 1) * x / norm


class SingleShotDetector(nn.Module):
    def __init__(self, base, extras, head, feature_layer, num_classes):
        super(SingleShotDetector, self).__init__()
        self.num_classes = num_classes
        self.base = nn.ModuleList(base)
        self.extras = nn.ModuleList(extras)
        self.feature_layer = feature_layer
        self.L2Norm = L2Norm(512, 20)
        self.loc = nn.ModuleList(head[0])
        self.conf = nn.ModuleList(head[1])
        self.softmax = nn.Softmax()  # expect: LG011

    def forward(self, x, is_train=False):
        sources, loc, conf = [], [], []
        for k in range(len(self.base)):
            x = self.base[k](x)
            if k in self.feature_layer:
                sources.append(self.L2Norm(x) if not sources else x)
        for k, v in enumerate(self.extras):
            x = F.relu(v(x), inplace=True)
            if k % 2 == 1:
                sources.append(x)
        for x, l, c in zip(sources, self.loc, self.conf):
            loc.append(l(x).permute(0, 2, 3, 1).contiguous())
            conf.append(c(x).permute(0, 2, 3, 1).contiguous())
        loc = torch.cat([o.view(o.size(0), -1) for o in loc], 1)
        conf = torch.cat([o.view(o.size(0), -1) for o in conf], 1)
        if is_train:
            return loc.view(loc.size(0), -1, 4), conf.view(conf.size(0), -1, self.num_classes)
        return loc.view(loc.size(0), -1, 4), self.softmax(conf.view(-1, self.num_classes))
