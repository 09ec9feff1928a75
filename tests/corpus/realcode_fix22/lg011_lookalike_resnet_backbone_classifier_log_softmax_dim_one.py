"""look-alike [LG011]: the same backbone at the fix commit: F.log_softmax(self.fc(out), dim=1)."""

# Source: m0sys/retinanet-from-torch@a48190a12d model/backbone/resnet.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class ResNetBackbone(nn.Module):
    def __init__(self, stages, num_features=2048, num_classes=None):
        super(ResNetBackbone, self).__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False), nn.BatchNorm2d(64), nn.ReLU(inplace=True))
        self.layer2, self.layer3, self.layer4, self.layer5 = stages
        self.num_features = num_features
        self.num_classes = num_classes
        if num_classes is not None:
            self.global_avg_pooling = nn.AvgPool2d(kernel_size=7)
            self.fc = nn.Linear(num_features, num_classes)
            nn.init.normal_(self.fc.weight, std=0.01)

    def forward(self, x):
        out = self.stem(x)
        c2 = out = self.layer2(out)
        c3 = out = self.layer3(out)
        c4 = out = self.layer4(out)
        c5 = out = self.layer5(out)
        if self.num_classes is not None:
            out = torch.squeeze(self.global_avg_pooling(out))
            return F.log_softmax(self.fc(out), dim=1)
        return c2, c3, c4, c5
