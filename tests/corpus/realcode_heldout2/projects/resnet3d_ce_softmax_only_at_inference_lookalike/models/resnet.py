"""part of look-alike project [LG001, LG006, LG014]: the 3D ResNet ends in nn.Linear; generate_model picks the block layout by depth."""
# Source: https://github.com/kenshohara/3D-ResNets-PyTorch models/resnet.py at 540a0ea1abaee379fa3651d4d5afbd2d667a1f49; re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv3d(in_planes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm3d(planes)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.bn1(self.conv1(x)))


class ResNet(nn.Module):
    def __init__(self, block, layers, block_inplanes, n_input_channels=3, n_classes=400):
        super().__init__()
        self.conv1 = nn.Conv3d(n_input_channels, block_inplanes[0], kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm3d(block_inplanes[0])
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = nn.Sequential(*[block(block_inplanes[0], block_inplanes[0]) for _ in range(layers[0])])
        self.avgpool = nn.AdaptiveAvgPool3d((1, 1, 1))
        self.fc = nn.Linear(block_inplanes[0] * block.expansion, n_classes)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer1(x)
        x = self.avgpool(x)
        x = x.view(x.size(0), -1)
        x = self.fc(x)
        return x


def generate_model(model_depth, **kwargs):
    assert model_depth in [10, 18, 34]
    if model_depth == 10:
        model = ResNet(BasicBlock, [1, 1, 1, 1], [64, 128, 256, 512], **kwargs)
    elif model_depth == 18:
        model = ResNet(BasicBlock, [2, 2, 2, 2], [64, 128, 256, 512], **kwargs)
    elif model_depth == 34:
        model = ResNet(BasicBlock, [3, 4, 6, 3], [64, 128, 256, 512], **kwargs)
    return model
