"""positive [LG005]: DiscoGAN's discriminators end in .view(-1, 1) (the toy one) or .view(N, -1) after a 1-channel conv (the image one), and BCELoss compares that (N, 1) column with a label vector of shape (N,)."""

# Source: thread https://github.com/carpedm20/DiscoGAN-pytorch/issues/16 ("torch size": "Using a target size
# (torch.Size([200])) that is different to the input size (torch.Size([200, 1]))"), about models.py and trainer.py at
# ab3b7dc (re-typed and renamed; cut to the discriminators, where the trainer builds them and the discriminator
# losses; the config, generators and loaders are not in the excerpt and stay undefined). The reply that closes it: add
# .squeeze(1) to the discriminator's output in the bce calls. The batch of 200 is the toy run, whose discriminator is
# the fully connected one.
from itertools import chain

import torch
import torch.nn as nn
from torch.autograd import Variable


class ConvCritic(nn.Module):
    def __init__(self, in_ch, out_ch, dims):
        super(ConvCritic, self).__init__()
        layers = [nn.Conv2d(in_ch, dims[0], 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True)]
        prev = dims[0]
        for d in dims[1:]:
            layers += [nn.Conv2d(prev, d, 4, 2, 1, bias=False), nn.BatchNorm2d(d), nn.LeakyReLU(0.2, inplace=True)]
            prev = d
        layers += [nn.Conv2d(prev, out_ch, 4, 1, 0, bias=False), nn.Sigmoid()]
        self.layer_module = nn.ModuleList(layers)

    def forward(self, x):
        out = x
        for layer in self.layer_module:
            out = layer(out)
        return out.view(out.size(0), -1)


class DenseCritic(nn.Module):
    def __init__(self, in_size, out_size, hidden):
        super(DenseCritic, self).__init__()
        layers = []
        prev = in_size
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.ReLU(True)]
            prev = h
        layers += [nn.Linear(prev, out_size), nn.Sigmoid()]
        self.layer_module = nn.ModuleList(layers)

    def forward(self, x):
        out = x
        for layer in self.layer_module:
            out = layer(out)
        return out.view(-1, 1)


class Runner(object):
    def build(self):
        if self.dataset == "toy":
            self.crit_a = DenseCritic(2, 1, [cfg.fc_hidden_dim] * cfg.d_num_layer)
            self.crit_b = DenseCritic(2, 1, [cfg.fc_hidden_dim] * cfg.d_num_layer)
        else:
            self.crit_a = ConvCritic(a_channels, 1, [64, 128, 256, 512])
            self.crit_b = ConvCritic(b_channels, 1, [64, 128, 256, 512])

    def train(self):
        bce = nn.BCELoss()
        real = Variable(torch.FloatTensor(self.batch_size))
        _ = real.data.fill_(1)
        fake = Variable(torch.FloatTensor(self.batch_size))
        _ = fake.data.fill_(0)
        opt_d = torch.optim.Adam(chain(self.crit_a.parameters(), self.crit_b.parameters()), lr=self.lr)

        for step in range(self.start_step, self.max_step):
            x_a, x_b = next(a_iter), next(b_iter)
            n = x_a.size(0)
            real.data.resize_(n).fill_(1)
            fake.data.resize_(n).fill_(0)

            self.crit_a.zero_grad()
            self.crit_b.zero_grad()
            x_ab = self.gen_ab(x_a).detach()
            x_ba = self.gen_ba(x_b).detach()

            if self.loss == "log_prob":
                l_a_real, l_a_fake = bce(self.crit_a(x_a), real), bce(self.crit_a(x_ba), fake)  # expect: LG005
                l_b_real, l_b_fake = bce(self.crit_b(x_b), real), bce(self.crit_b(x_ab), fake)  # expect: LG005
            else:
                l_a_real, l_a_fake = 0.5 * torch.mean((self.crit_a(x_a) - 1) ** 2), 0.5 * torch.mean(self.crit_a(x_ba) ** 2)
                l_b_real, l_b_fake = 0.5 * torch.mean((self.crit_b(x_b) - 1) ** 2), 0.5 * torch.mean(self.crit_b(x_ab) ** 2)

            l_d = l_a_real + l_a_fake + l_b_real + l_b_fake
            l_d.backward()
            opt_d.step()
