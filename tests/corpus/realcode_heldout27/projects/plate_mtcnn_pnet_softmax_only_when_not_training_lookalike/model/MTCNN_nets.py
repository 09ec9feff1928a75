"""part of look-alike project [LG001, LG005, LG006, LG013]: the plate detector's P-Net returns box offsets and a two-channel face/background map; F.softmax(dim=1) is applied to the scores only when the network is built with is_train=False (inference)."""
# Source: xuexingyu24/License_Plate_Detection_Pytorch at aa5778d6, MTCNN/model/MTCNN_nets.py; re-typed, identifiers renamed; the R-Net/O-Net and the Flatten helper cut.
from collections import OrderedDict

import torch.nn as nn
import torch.nn.functional as F


class PNet(nn.Module):
    def __init__(self, is_train=False):
        super(PNet, self).__init__()
        self.is_train = is_train
        self.features = nn.Sequential(OrderedDict([
            ('conv1', nn.Conv2d(3, 10, 3, 1)),
            ('prelu1', nn.PReLU(10)),
            ('pool1', nn.MaxPool2d((2, 5), ceil_mode=True)),
            ('conv2', nn.Conv2d(10, 16, (3, 5), 1)),
            ('prelu2', nn.PReLU(16)),
            ('conv3', nn.Conv2d(16, 32, (3, 5), 1)),
            ('prelu3', nn.PReLU(32)),
        ]))
        self.conv4_1 = nn.Conv2d(32, 2, 1, 1)
        self.conv4_2 = nn.Conv2d(32, 4, 1, 1)

    def forward(self, x):
        x = self.features(x)
        a = self.conv4_1(x)
        b = self.conv4_2(x)
        if self.is_train is False:
            a = F.softmax(a, dim=1)
        return b, a
