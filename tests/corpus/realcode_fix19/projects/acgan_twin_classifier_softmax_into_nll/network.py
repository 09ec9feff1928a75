"""part of positive project [LG007, LG011]: the discriminators end their class head in nn.Softmax() (no dim) and return three outputs when built for the twin classifier, two otherwise (the fix drops the softmax and returns the logits to CrossEntropyLoss)."""

# Source: phymhan/ACGAN-PyTorch@2da848d89a network.py, fixed in b0f5ec0d62 (cut, renamed)
import torch.nn as nn


class NetD(nn.Module):
    def __init__(self, ngpu, num_classes=10, tac=False):
        super(NetD, self).__init__()
        self.ngpu = ngpu
        self.tac = tac
        self.conv = nn.Sequential(
            nn.Conv2d(3, 16, 3, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Dropout(0.5, inplace=False),
        )
        self.fc_dis = nn.Linear(13 * 13 * 512, 1)
        self.fc_aux = nn.Linear(13 * 13 * 512, num_classes)
        self.fc_tac = nn.Linear(13 * 13 * 512, num_classes) if self.tac else None
        # softmax and sigmoid
        self.softmax = nn.Softmax()  # expect: LG011
        self.sigmoid = nn.Sigmoid()

    def forward(self, input):
        flat = self.conv(input).view(-1, 13 * 13 * 512)
        fc_dis = self.fc_dis(flat)
        fc_aux = self.fc_aux(flat)
        fc_tac = self.fc_tac(flat) if self.tac else None
        classes = self.softmax(fc_aux)
        realfake = self.sigmoid(fc_dis).view(-1, 1).squeeze(1)
        if self.tac:
            mi = self.softmax(fc_tac)
            return realfake, classes, mi
        else:
            return realfake, classes


class NetDSmall(nn.Module):
    def __init__(self, ngpu, num_classes=10, tac=False):
        super(NetDSmall, self).__init__()
        self.ngpu = ngpu
        self.tac = tac
        self.conv = nn.Sequential(nn.Conv2d(3, 16, 3, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True))
        self.fc_dis = nn.Linear(4 * 4 * 512, 1)
        self.fc_aux = nn.Linear(4 * 4 * 512, num_classes)
        self.fc_tac = nn.Linear(4 * 4 * 512, num_classes) if self.tac else None
        self.softmax = nn.Softmax()  # expect: LG011
        self.sigmoid = nn.Sigmoid()

    def forward(self, input):
        flat = self.conv(input).view(-1, 4 * 4 * 512)
        fc_dis = self.fc_dis(flat)
        fc_aux = self.fc_aux(flat)
        fc_tac = self.fc_tac(flat) if self.tac else None
        classes = self.softmax(fc_aux)
        realfake = self.sigmoid(fc_dis).view(-1, 1).squeeze(1)
        if self.tac:
            mi = self.softmax(fc_tac)
            return realfake, classes, mi
        else:
            return realfake, classes
