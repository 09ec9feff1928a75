"""part of look-alike project [LG001, LG006]: SimpleDLA ends in self.linear = nn.Linear(512, num_classes): logits."""
# Source: https://github.com/kuangliu/pytorch-cifar models/dla_simple.py at 49b7aa97b0c12fe0d4054e670403a16b6b834ddd; re-typed, names
# changed, reduced (the aggregation tree is summarised). Correct code.
import torch.nn as nn
import torch.nn.functional as F


class SimpleDLA(nn.Module):
    def __init__(self, num_classes=10):
        super(SimpleDLA, self).__init__()
        self.base = nn.Sequential(nn.Conv2d(3, 16, kernel_size=3, stride=1, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(True))
        self.layer = nn.Sequential(nn.Conv2d(16, 512, kernel_size=3, stride=2, padding=1, bias=False), nn.BatchNorm2d(512), nn.ReLU(True))
        self.linear = nn.Linear(512, num_classes)

    def forward(self, x):
        out = self.base(x)
        out = self.layer(out)
        out = F.avg_pool2d(out, 4)
        out = out.view(out.size(0), -1)
        out = self.linear(out)
        return out
