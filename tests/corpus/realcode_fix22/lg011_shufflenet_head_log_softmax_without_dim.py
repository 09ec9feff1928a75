"""positive [LG011]: the ShuffleNet classifier ends its forward in F.log_softmax(x) without dim over the (batch, classes) scores (the fix, "Inference now works with printed output", passes dim=1)."""

# Source: jaxony/ShuffleNet@aa39f9dc58 model.py, fixed in 6b069deae5 (cut, renamed)
import torch.nn as nn
import torch.nn.functional as F


class ShuffleBlock(nn.Module):
    def __init__(self, in_channels, out_channels, groups):
        super(ShuffleBlock, self).__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size=1, groups=groups)
        self.bn = nn.BatchNorm2d(out_channels)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class ShuffleClassifier(nn.Module):
    def __init__(self, groups=3, in_channels=3, num_classes=1000):
        super(ShuffleClassifier, self).__init__()
        self.conv1 = nn.Conv2d(in_channels, 24, kernel_size=3, stride=2, padding=1)
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
        self.stage2 = ShuffleBlock(24, 240, groups)
        self.stage3 = ShuffleBlock(240, 480, groups)
        self.stage4 = ShuffleBlock(480, 960, groups)
        self.fc = nn.Linear(960, num_classes)

    def forward(self, x):
        x = self.maxpool(self.conv1(x))
        x = self.stage4(self.stage3(self.stage2(x)))
        x = F.avg_pool2d(x, x.data.size()[-2:])
        x = x.view(x.size(0), -1)
        x = self.fc(x)
        return F.log_softmax(x)  # expect: LG011
