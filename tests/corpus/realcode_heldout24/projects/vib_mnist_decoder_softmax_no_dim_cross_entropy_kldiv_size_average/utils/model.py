"""part of positive project [LG001, LG009, LG010, LG011]: the deep variational information bottleneck's decoder is nn.Sequential(nn.Linear(K, 10), nn.Softmax()) with no dim: it returns class probabilities; the encoder samples the K-dim code by reparameterisation."""
# Source: 1Konny/VIB-pytorch at 2359d308 (the parent of 326a9eb7 "remove softmax for ce loss", which comments the
# nn.Softmax() out), utils/model.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class Decoder(nn.Module):
    def __init__(self, K=256):
        self.K = K
        super(Decoder, self).__init__()
        self.fc = nn.Sequential(
            nn.Linear(self.K, 10),
            nn.Softmax(),)  # expect: LG011

    def forward(self, input):
        output = self.fc(input)
        return output

    def weight_init(self):
        for m in self._modules:
            xavier_init(self._modules[m])


class Encoder(nn.Module):
    def __init__(self, K=256):
        self.K = K
        super(Encoder, self).__init__()
        self.fc = nn.Sequential(
            nn.Linear(784, 1024),
            nn.ReLU(True),
            nn.Linear(1024, 1024),
            nn.ReLU(True),
            nn.Linear(1024, self.K * 2),)

    def forward(self, input):
        output = self.fc(input.view(input.size(0), -1))
        mu = output[:, :self.K]
        std = output[:, self.K:]
        return self.reparameterize(mu, std)

    def reparameterize(self, mu, std):
        epsilon = Variable(torch.randn(std.size())).cuda()
        return mu + epsilon * F.softplus(std - 5.0, beta=1)

    def weight_init(self):
        for m in self._modules:
            xavier_init(self._modules[m])


def xavier_init(ms):
    for m in ms:
        if isinstance(m, nn.Linear) or isinstance(m, nn.Conv2d):
            nn.init.xavier_uniform(m.weight, gain=nn.init.calculate_gain('relu'))
            m.bias.data.zero_()
