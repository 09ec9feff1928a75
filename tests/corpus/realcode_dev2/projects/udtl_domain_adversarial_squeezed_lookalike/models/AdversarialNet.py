"""part of look-alike project [LG005]: the domain discriminator ends in nn.Linear(hidden, 1) and a sigmoid: (batch, 1)."""
# Source: https://github.com/ZhaoZhibin/UDTL models/AdversarialNet.py at 6eefb28eb7ab142e4ca07b88073df579c5387f23
# (the fix of issue #3); re-typed, names changed, reduced.
import numpy as np
from torch import nn


def calc_coeff(iter_num, high=1.0, low=0.0, alpha=10.0, max_iter=10000.0):
    return float(2.0 * (high - low) / (1.0 + np.exp(-alpha * iter_num / max_iter)) - (high - low) + low)


def grl_hook(coeff):
    def reverse(grad):
        return -coeff * grad.clone()

    return reverse


class AdversarialNet(nn.Module):
    def __init__(self, in_feature, hidden_size, max_iter=10000.0, trade_off_adversarial="Step", lam_adversarial=1.0):
        super(AdversarialNet, self).__init__()
        self.ad_layer1 = nn.Sequential(nn.Linear(in_feature, hidden_size), nn.ReLU(inplace=True), nn.Dropout())
        self.ad_layer2 = nn.Sequential(nn.Linear(hidden_size, hidden_size), nn.ReLU(inplace=True), nn.Dropout())
        self.ad_layer3 = nn.Linear(hidden_size, 1)
        self.sigmoid = nn.Sigmoid()
        self.iter_num = 0
        self.max_iter = max_iter
        self.trade_off_adversarial = trade_off_adversarial
        self.lam_adversarial = lam_adversarial

    def forward(self, x):
        if self.training:
            self.iter_num += 1
        if self.trade_off_adversarial == "Cons":
            coeff = self.lam_adversarial
        elif self.trade_off_adversarial == "Step":
            coeff = calc_coeff(self.iter_num, 1.0, 0.0, 10, self.max_iter)
        else:
            raise Exception("loss not implement")
        x = x * 1.0
        x.register_hook(grl_hook(coeff))
        x = self.ad_layer1(x)
        x = self.ad_layer2(x)
        y = self.ad_layer3(x)
        y = self.sigmoid(y)
        return y
