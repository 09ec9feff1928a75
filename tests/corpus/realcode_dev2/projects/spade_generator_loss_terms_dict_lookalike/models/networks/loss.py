"""part of look-alike project [LG006]: VGGLoss sums the L1 distances of five VGG feature maps into one loss it returns (terms of one step, not a running sum)."""
# Source: NVlabs/SPADE@fecacc920c1367a038995c45a39c15f6521ca64f models/networks/loss.py; re-typed, reduced (GANLoss and KLDLoss left out, VGG19 from torchvision).
import torch
import torch.nn as nn
import torchvision


class VGG19(torch.nn.Module):
    def __init__(self):
        super().__init__()
        features = torchvision.models.vgg19(pretrained=True).features
        self.slices = nn.ModuleList([features[:2], features[2:7], features[7:12], features[12:21], features[21:30]])

    def forward(self, X):
        out = []
        for s in self.slices:
            X = s(X)
            out.append(X)
        return out


class VGGLoss(nn.Module):
    def __init__(self, gpu_ids):
        super(VGGLoss, self).__init__()
        self.vgg = VGG19().cuda()
        self.criterion = nn.L1Loss()
        self.weights = [1.0 / 32, 1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0]

    def forward(self, x, y):
        x_vgg, y_vgg = self.vgg(x), self.vgg(y)
        loss = 0
        for i in range(len(x_vgg)):
            loss += self.weights[i] * self.criterion(x_vgg[i], y_vgg[i].detach())
        return loss
