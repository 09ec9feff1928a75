"""part of positive project [LG011]: multi-scale DeepLab v2: the ASPP classifier sums four dilated convolutions into per-pixel class scores, and the model returns the scores at three scales plus their element-wise max, as a list."""
# Source: isht7/pytorch-deeplab-resnet at ba813636, deeplab_resnet.py (read as is); re-typed with spaces,
# identifiers renamed; the Bottleneck block and ResNet's _make_layer bodies cut (Bottleneck, affine_par and the
# layer builder stand for cut parts).
import torch
import torch.nn as nn


def out_size(i):
    i = int(i)
    i = (i + 1) / 2
    i = int(i + 1) / 2
    i = int(i + 1) / 2
    return int(i)


class ASPPClassifier(nn.Module):
    def __init__(self, dilations, paddings, n_labels):
        super(ASPPClassifier, self).__init__()
        self.branches = nn.ModuleList()
        for dilation, padding in zip(dilations, paddings):
            self.branches.append(nn.Conv2d(2048, n_labels, kernel_size=3, stride=1, padding=padding,
                                           dilation=dilation, bias=True))
        for m in self.branches:
            m.weight.data.normal_(0, 0.01)

    def forward(self, x):
        out = self.branches[0](x)
        for i in range(len(self.branches) - 1):
            out += self.branches[i + 1](x)
        return out


class DilatedResNet(nn.Module):
    def __init__(self, block, layers, n_labels):
        self.inplanes = 64
        super(DilatedResNet, self).__init__()
        self.conv1 = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(64, affine=affine_par)
        for p in self.bn1.parameters():
            p.requires_grad = False
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1, ceil_mode=True)
        self.layer1 = self._make_layer(block, 64, layers[0])
        self.layer2 = self._make_layer(block, 128, layers[1], stride=2)
        self.layer3 = self._make_layer(block, 256, layers[2], stride=1, dilation__=2)
        self.layer4 = self._make_layer(block, 512, layers[3], stride=1, dilation__=4)
        self.layer5 = self._make_pred_layer(ASPPClassifier, [6, 12, 18, 24], [6, 12, 18, 24], n_labels)

    def _make_pred_layer(self, block, dilations, paddings, n_labels):
        return block(dilations, paddings, n_labels)

    def forward(self, x):
        x = self.conv1(x)
        x = self.bn1(x)
        x = self.relu(x)
        x = self.maxpool(x)
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.layer4(x)
        x = self.layer5(x)
        return x


class MultiScaleDeeplab(nn.Module):
    def __init__(self, block, n_labels):
        super(MultiScaleDeeplab, self).__init__()
        self.Scale = DilatedResNet(block, [3, 4, 23, 3], n_labels)

    def forward(self, x):
        input_size = x.size()[2]
        self.interp1 = nn.UpsamplingBilinear2d(size=(int(input_size * 0.75) + 1, int(input_size * 0.75) + 1))
        self.interp2 = nn.UpsamplingBilinear2d(size=(int(input_size * 0.5) + 1, int(input_size * 0.5) + 1))
        self.interp3 = nn.UpsamplingBilinear2d(size=(out_size(input_size), out_size(input_size)))
        out = []
        x2 = self.interp1(x)
        x3 = self.interp2(x)
        out.append(self.Scale(x))
        out.append(self.interp3(self.Scale(x2)))
        out.append(self.Scale(x3))
        x2_up = out[1]
        x3_up = self.interp3(out[2])
        top = torch.max(out[0], x2_up)
        out.append(torch.max(top, x3_up))
        return out


def build_deeplab(n_labels=21):
    model = MultiScaleDeeplab(Bottleneck, n_labels)
    return model
