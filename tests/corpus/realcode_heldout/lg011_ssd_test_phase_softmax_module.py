"""positive [LG011]: SSD builds self.softmax = nn.Softmax() (no dim) for the test phase and applies it to conf.view(-1, num_classes) when detecting."""
# Source: issues https://github.com/amdegroot/ssd.pytorch/issues/104 and #114 (ssd.py line 100,
# `self.softmax(conf.view(-1, self.num_classes))`, before the fix adding dim); re-typed, names changed, reduced.
import torch
import torch.nn as nn


class SSD(nn.Module):
    def __init__(self, phase, base, extras, head, num_classes, detect):
        super(SSD, self).__init__()
        self.phase = phase
        self.num_classes = num_classes
        self.vgg = nn.ModuleList(base)
        self.extras = nn.ModuleList(extras)
        self.loc = nn.ModuleList(head[0])
        self.conf = nn.ModuleList(head[1])
        if phase == "test":
            self.softmax = nn.Softmax()  # expect: LG011
            self.detect = detect

    def forward(self, x, sources, priors):
        loc, conf = list(), list()
        for (x, l, c) in zip(sources, self.loc, self.conf):
            loc.append(l(x).permute(0, 2, 3, 1).contiguous())
            conf.append(c(x).permute(0, 2, 3, 1).contiguous())
        loc = torch.cat([o.view(o.size(0), -1) for o in loc], 1)
        conf = torch.cat([o.view(o.size(0), -1) for o in conf], 1)
        if self.phase == "test":
            output = self.detect(
                loc.view(loc.size(0), -1, 4),
                self.softmax(conf.view(-1, self.num_classes)),
                priors,
            )
        else:
            output = (loc.view(loc.size(0), -1, 4), conf.view(conf.size(0), -1, self.num_classes), priors)
        return output
