"""part of positive project [LG001, LG011]: the speaker-domain classifier of a StarGAN voice converter: gated 2-D conv blocks over the first 8 mel bands, a 1x4 conv to the 4 speakers, average pooling and nn.LogSoftmax() without dim (on the (N, 4, 1, 1) map it normalises dim 1), viewed to (N, 4)."""
# Source: hujinsen/pytorch-StarGAN-VC at d6fbdba7, model.py (Down2d, DomainClassifier); re-typed, identifiers renamed; the generator, the discriminator and
# the module's self-test cut.
import torch
import torch.nn as nn


class Down2d(nn.Module):
    def __init__(self, in_channel, out_channel, kernel, stride, padding):
        super(Down2d, self).__init__()
        self.c1 = nn.Conv2d(in_channel, out_channel, kernel_size=kernel, stride=stride, padding=padding)
        self.n1 = nn.InstanceNorm2d(out_channel)
        self.c2 = nn.Conv2d(in_channel, out_channel, kernel_size=kernel, stride=stride, padding=padding)
        self.n2 = nn.InstanceNorm2d(out_channel)

    def forward(self, x):
        x1 = self.n1(self.c1(x))
        x2 = self.n2(self.c2(x))
        return x1 * torch.sigmoid(x2)


class DomainClassifier(nn.Module):
    def __init__(self):
        super(DomainClassifier, self).__init__()
        self.main = nn.Sequential(
            Down2d(1, 8, (4, 4), (2, 2), (5, 1)),
            Down2d(8, 16, (4, 4), (2, 2), (1, 1)),
            Down2d(16, 32, (4, 4), (2, 2), (0, 1)),
            Down2d(32, 16, (3, 4), (1, 2), (1, 1)),
            nn.Conv2d(16, 4, (1, 4), (1, 2), (0, 1)),
            nn.AvgPool2d((1, 16)),
            nn.LogSoftmax()  # expect: LG011
        )

    def forward(self, x):
        x = x[:, :, 0:8, :]
        x = self.main(x)
        x = x.view(x.size(0), x.size(1))
        return x
