"""part of look-alike project [LG006, LG012, LG014]: the captcha CRNN: two conv/pool blocks, the width axis turned into time, a Linear, a bidirectional GRU and a Linear to the character classes, then permute(1, 0, 2) to a time-major (T, N, C) tensor of raw scores."""
# Source: manhph2211/OCR-Pytorch at b127ba04, model.py; re-typed, identifiers renamed; the commented-out shape prints cut.
import torch
from torch import nn
from torch.nn import functional as F


class CaptchaNet(nn.Module):
    def __init__(self, n_chars):
        super(CaptchaNet, self).__init__()
        self.conv1 = nn.Conv2d(3, 128, kernel_size=(3, 6), padding=(1, 1))
        self.pool1 = nn.MaxPool2d(kernel_size=(2, 2))
        self.conv2 = nn.Conv2d(128, 64, kernel_size=(3, 6), padding=(1, 1))
        self.pool2 = nn.MaxPool2d(kernel_size=(2, 2))
        self.fc1 = nn.Linear(1152, 64)
        self.drop1 = nn.Dropout(0.2)
        self.rnn = nn.GRU(64, 32, bidirectional=True, num_layers=2, dropout=0.25, batch_first=True)
        self.head = nn.Linear(64, n_chars)

    def forward(self, images):
        bs, _, _, _ = images.size()
        x = F.relu(self.conv1(images))
        x = self.pool1(x)
        x = F.relu(self.conv2(x))
        x = self.pool2(x)
        x = x.permute(0, 3, 1, 2)
        x = x.view(bs, x.size(1), -1)
        x = F.relu(self.fc1(x))
        x = self.drop1(x)
        x, _ = self.rnn(x)
        x = self.head(x)
        x = x.permute(1, 0, 2)
        return x
