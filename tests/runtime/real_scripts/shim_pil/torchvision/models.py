"""Small stand-ins for torchvision's ResNets (the real ones take seconds a step on this CPU): a
4-layer CNN with BatchNorm and the ``fc`` head the scripts replace. Images larger than 64 pixels
(the transfer-learning tutorial's 224) are average-pooled by 4 first, as a ResNet's stem shrinks
them. ``pretrained=True`` gives random weights: there are no weights to load."""

import torch.nn as nn
import torch.nn.functional as F


class _SmallResNet(nn.Module):
    def __init__(self, num_classes=1000, width=32):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, width, 3, padding=1, bias=False),
            nn.BatchNorm2d(width),
            nn.ReLU(inplace=True),
            nn.Conv2d(width, width, 3, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(width),
            nn.ReLU(inplace=True),
            nn.Conv2d(width, 2 * width, 3, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(2 * width),
            nn.ReLU(inplace=True),
            nn.Conv2d(2 * width, 2 * width, 3, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(2 * width),
            nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
        )
        self.fc = nn.Linear(2 * width, num_classes)

    def forward(self, x):
        if x.shape[-1] > 64:
            x = F.avg_pool2d(x, 4)
        return self.fc(self.features(x))


def resnet18(pretrained=False, num_classes=1000, weights=None, **kwargs):
    return _SmallResNet(num_classes)


def resnet50(pretrained=False, num_classes=1000, weights=None, **kwargs):
    return _SmallResNet(num_classes, width=48)


class VGG16_Weights:
    """Named as torchvision names them; there are no weights to load (random features)."""

    IMAGENET1K_V1 = None
    DEFAULT = None


class _VGG(nn.Module):
    """VGG16's ``features`` layer for layer (13 convolutions with ReLUs, 5 max-pools: the indices
    fast_neural_style slices at 4, 9, 16 and 23 fall where they fall in torchvision's), at an eighth
    of its widths (8-64 channels) and randomly initialised: a perceptual loss through random features."""

    def __init__(self, widths=(8, 8, "M", 16, 16, "M", 32, 32, 32, "M", 64, 64, 64, "M", 64, 64, 64, "M")):
        super().__init__()
        layers, c = [], 3
        for w in widths:
            if w == "M":
                layers.append(nn.MaxPool2d(2, 2))
            else:
                layers += [nn.Conv2d(c, w, 3, padding=1), nn.ReLU(inplace=True)]
                c = w
        self.features = nn.Sequential(*layers)


def vgg16(pretrained=False, weights=None, **kwargs):
    return _VGG()
