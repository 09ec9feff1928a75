"""part of positive project [LG016]: the FCN ends in a 1x1 Conv2d (logits, trained with BCE-with-logits in train.py); the module's own self-test under __main__ applies nn.functional.sigmoid to the output and feeds it to nn.BCELoss in the same loop."""
# Source: pochih/FCN-pytorch@89fabead0735470127076f3d5dd0a55ee27bd599 python/fcn.py (the commit "use BCEWithLogitsLoss() && change val size to (704,960)", which removed nn.Sigmoid from the classifiers but left the self-test on BCELoss; re-typed, identifiers renamed, cut at class boundaries: FCN32s, FCN16s and FCN8s and their size checks left out)
from __future__ import print_function

import torch
import torch.nn as nn
import torch.optim as optim
from torchvision import models
from torchvision.models.vgg import VGG


class DenseFCN(nn.Module):

    def __init__(self, pretrained_net, classes=32):
        super().__init__()
        self.classes = classes
        self.backbone = pretrained_net
        self.relu = nn.ReLU(inplace=True)
        self.up1 = nn.ConvTranspose2d(512, 512, kernel_size=3, stride=2, padding=1, dilation=1, output_padding=1)
        self.bn1 = nn.BatchNorm2d(512)
        self.up2 = nn.ConvTranspose2d(512, 256, kernel_size=3, stride=2, padding=1, dilation=1, output_padding=1)
        self.bn2 = nn.BatchNorm2d(256)
        self.up3 = nn.ConvTranspose2d(256, 128, kernel_size=3, stride=2, padding=1, dilation=1, output_padding=1)
        self.bn3 = nn.BatchNorm2d(128)
        self.up4 = nn.ConvTranspose2d(128, 64, kernel_size=3, stride=2, padding=1, dilation=1, output_padding=1)
        self.bn4 = nn.BatchNorm2d(64)
        self.up5 = nn.ConvTranspose2d(64, 32, kernel_size=3, stride=2, padding=1, dilation=1, output_padding=1)
        self.bn5 = nn.BatchNorm2d(32)
        self.head = nn.Conv2d(32, classes, kernel_size=1)

    def forward(self, x):
        feats = self.backbone(x)
        f5 = feats['x5']
        f4 = feats['x4']
        f3 = feats['x3']
        f2 = feats['x2']
        f1 = feats['x1']
        s = self.relu(self.bn1(self.up1(f5)))
        s = s + f4
        s = self.relu(self.bn2(self.up2(s)))
        s = s + f3
        s = self.relu(self.bn3(self.up3(s)))
        s = s + f2
        s = self.relu(self.bn4(self.up4(s)))
        s = s + f1
        s = self.relu(self.bn5(self.up5(s)))
        s = self.head(s)
        return s


class VGGFeatures(VGG):
    def __init__(self, pretrained=True, requires_grad=True, show_params=False):
        super().__init__(make_layers(cfg['E']))
        if pretrained:
            super().load_state_dict(models.vgg19(pretrained=True).state_dict())
        if not requires_grad:
            for param in super().parameters():
                param.requires_grad = False

    def forward(self, x):
        out = {}
        ranges = ((0, 5), (5, 10), (10, 19), (19, 28), (28, 37))
        for k in range(len(ranges)):
            for layer in range(ranges[k][0], ranges[k][1]):
                x = self.features[layer](x)
            out["x%d" % (k + 1)] = x
        return out


cfg = {
    'E': [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
}


def make_layers(cfg, batch_norm=False):
    layers = []
    in_channels = 3
    for v in cfg:
        if v == 'M':
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
        else:
            conv2d = nn.Conv2d(in_channels, v, kernel_size=3, padding=1)
            if batch_norm:
                layers += [conv2d, nn.BatchNorm2d(v), nn.ReLU(inplace=True)]
            else:
                layers += [conv2d, nn.ReLU(inplace=True)]
            in_channels = v
    return nn.Sequential(*layers)


if __name__ == "__main__":
    batch_size, n_class, h, w = 10, 20, 160, 160

    backbone = VGGFeatures(requires_grad=True)
    net = DenseFCN(pretrained_net=backbone, classes=n_class)
    x = torch.autograd.Variable(torch.randn(batch_size, 3, h, w))
    out = net(x)
    assert out.size() == torch.Size([batch_size, n_class, h, w])

    net = DenseFCN(pretrained_net=backbone, classes=n_class)
    criterion = nn.BCELoss()
    optimizer = optim.SGD(net.parameters(), lr=1e-3, momentum=0.9)
    x = torch.autograd.Variable(torch.randn(batch_size, 3, h, w))
    y = torch.autograd.Variable(torch.randn(batch_size, n_class, h, w), requires_grad=False)
    for it in range(10):
        optimizer.zero_grad()
        out = net(x)
        out = nn.functional.sigmoid(out)
        loss = criterion(out, y)  # expect: LG016
        loss.backward()
        print("iter{}, loss {}".format(it, loss.data[0]))
        optimizer.step()
