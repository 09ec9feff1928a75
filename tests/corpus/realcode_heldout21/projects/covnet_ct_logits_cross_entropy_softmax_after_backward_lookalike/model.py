"""part of look-alike project [LG001, LG006, LG011]: COVNet max-pools ResNet-50 features over the CT slices of one case and ends in nn.Linear(2048, n_classes), raw scores."""
# Source: bkong999/COVNet at 932c1cf7 (read as is; issue #28 asks why F.softmax comes after loss.backward()), model.py;
# re-typed, identifiers renamed.
import torch
import torch.nn as nn
from torchvision import models


class COVNet(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        backbone = models.resnet50(pretrained=True)
        self.features = nn.Sequential(*list(backbone.children())[:-2])
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(2048, n_classes)
        self.n_classes = n_classes

    def forward(self, x):
        x = torch.squeeze(x, dim=0)
        f = self.features(x)
        f = self.pool(f).view(f.size(0), -1)
        f = torch.max(f, 0, keepdim=True)[0]
        return self.classifier(f)
