"""part of positive project [LG006, LG010, LG011]: the LeNet-style network ends in F.log_softmax without dim."""
# Source: PingjunChen/pytorch-study at 2bc05f3a310d4bf4f618b0a5adfc684a81f75efa mnist-pytorch/network.py (re-typed, layers as in the source)
import torch
import torch.nn as nn
import torch.nn.functional as F


class DigitNet(nn.Module):
    def __init__(self):
        super(DigitNet, self).__init__()
        self.conv_a = nn.Conv2d(1, 10, kernel_size=5)
        self.conv_b = nn.Conv2d(10, 20, kernel_size=5)
        self.fc_a = nn.Linear(320, 50)
        self.fc_b = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv_a(x), 2))
        x = F.relu(F.max_pool2d(F.dropout(self.conv_b(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc_a(x))
        x = F.dropout(x, training=self.training)
        x = self.fc_b(x)

        return F.log_softmax(x)  # expect: LG011
