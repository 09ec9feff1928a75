"""look-alike [LG011]: the same RFB Net detector at the fix commit: nn.Softmax(dim=-1) over each prior's classes."""

# Source: GOATmessi7/RFBNet@0f5d9aaf7e models/RFB_Net_vgg.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn


class ReceptiveFieldDetector(nn.Module):
    def __init__(self, phase, size, base, extras, head, num_classes, norm):
        super(ReceptiveFieldDetector, self).__init__()
        self.phase = phase
        self.num_classes = num_classes
        self.size = size
        self.indicator = 3 if size == 300 else 5
        self.base = nn.ModuleList(base)
        self.norm = norm
        self.extras = nn.ModuleList(extras)
        self.loc = nn.ModuleList(head[0])
        self.conf = nn.ModuleList(head[1])
        if self.phase == "test":
            self.softmax = nn.Softmax(dim=-1)

    def forward(self, x):
        sources, loc, conf = [], [], []
        for k in range(23):
            x = self.base[k](x)
        sources.append(self.norm(x))
        for k in range(23, len(self.base)):
            x = self.base[k](x)
        for k, v in enumerate(self.extras):
            x = v(x)
            if k < self.indicator or k % 2 == 0:
                sources.append(x)
        for x, l, c in zip(sources, self.loc, self.conf):
            loc.append(l(x).permute(0, 2, 3, 1).contiguous())
            conf.append(c(x).permute(0, 2, 3, 1).contiguous())
        loc = torch.cat([o.view(o.size(0), -1) for o in loc], 1)
        conf = torch.cat([o.view(o.size(0), -1) for o in conf], 1)
        if self.phase == "test":
            return loc.view(loc.size(0), -1, 4), self.softmax(conf.view(-1, self.num_classes))
        return loc.view(loc.size(0), -1, 4), conf.view(conf.size(0), -1, self.num_classes)
