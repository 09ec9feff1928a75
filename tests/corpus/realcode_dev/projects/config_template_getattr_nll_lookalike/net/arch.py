"""part of look-alike project [LG007, LG001, LG011]: the digit classifier ends with F.log_softmax(x, dim=1), the input NLL loss expects."""
# Source: https://github.com/victoresque/pytorch-template model/model.py at 41dc06f6f8f3f38c6ed49f01ff7d89cd5688adc4;
# re-typed, names changed, reduced. Correct code.
import torch.nn as nn
import torch.nn.functional as F


class DigitNet(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.c1 = nn.Conv2d(1, 10, kernel_size=5)
        self.c2 = nn.Conv2d(10, 20, kernel_size=5)
        self.c2_drop = nn.Dropout2d()
        self.l1 = nn.Linear(320, 50)
        self.l2 = nn.Linear(50, n_classes)

    def forward(self, img):
        h = F.relu(F.max_pool2d(self.c1(img), 2))
        h = F.relu(F.max_pool2d(self.c2_drop(self.c2(h)), 2))
        h = h.view(-1, 320)
        h = F.relu(self.l1(h))
        h = F.dropout(h, training=self.training)
        h = self.l2(h)
        return F.log_softmax(h, dim=1)
