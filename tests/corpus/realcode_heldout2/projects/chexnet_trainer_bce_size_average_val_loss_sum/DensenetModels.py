"""part of positive project [LG010, LG006]: the DenseNet wrappers replace the classifier with nn.Sequential(nn.Linear, nn.Sigmoid())."""
# Source: https://github.com/zoogzog/chexnet DensenetModels.py at bbe30b5e0d2941491a2c5a095cb572dca1d27158; re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torchvision


class DenseNet121(nn.Module):
    def __init__(self, classCount, isTrained):
        super(DenseNet121, self).__init__()
        self.densenet121 = torchvision.models.densenet121(pretrained=isTrained)
        kernelCount = self.densenet121.classifier.in_features
        self.densenet121.classifier = nn.Sequential(nn.Linear(kernelCount, classCount), nn.Sigmoid())

    def forward(self, x):
        x = self.densenet121(x)
        return x


class DenseNet169(nn.Module):
    def __init__(self, classCount, isTrained):
        super(DenseNet169, self).__init__()
        self.densenet169 = torchvision.models.densenet169(pretrained=isTrained)
        kernelCount = self.densenet169.classifier.in_features
        self.densenet169.classifier = nn.Sequential(nn.Linear(kernelCount, classCount), nn.Sigmoid())

    def forward(self, x):
        x = self.densenet169(x)
        return x
