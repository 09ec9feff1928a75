"""part of positive project [LG016]: the multi-scale discriminator returns one raw score map per scale; with gan_type 'nsgan' its losses apply F.sigmoid to each map and pass it to F.binary_cross_entropy against all-zeros / all-ones maps ('lsgan', the shipped configs' choice, uses squared errors)."""
# Source: mingyuliutw/UNIT at 28d59829 (read as is), networks.py; re-typed, identifiers renamed; the VAE generator, the
# residual blocks and the normalisation layers cut (Conv2dBlock, VAEGen imported from the cut part).
import torch
import torch.nn.functional as F
from torch import nn
from torch.autograd import Variable

from blocks import Conv2dBlock, VAEGen


class MultiScaleDis(nn.Module):
    def __init__(self, input_dim, params):
        super(MultiScaleDis, self).__init__()
        self.n_layer = params['n_layer']
        self.gan_type = params['gan_type']
        self.dim = params['dim']
        self.norm = params['norm']
        self.activ = params['activ']
        self.num_scales = params['num_scales']
        self.pad_type = params['pad_type']
        self.input_dim = input_dim
        self.downsample = nn.AvgPool2d(3, stride=2, padding=[1, 1], count_include_pad=False)
        self.cnns = nn.ModuleList()
        for _ in range(self.num_scales):
            self.cnns.append(self._make_net())

    def _make_net(self):
        dim = self.dim
        layers = [Conv2dBlock(self.input_dim, dim, 4, 2, 1, norm='none', activation=self.activ, pad_type=self.pad_type)]
        for i in range(self.n_layer - 1):
            layers += [Conv2dBlock(dim, dim * 2, 4, 2, 1, norm=self.norm, activation=self.activ, pad_type=self.pad_type)]
            dim *= 2
        layers += [nn.Conv2d(dim, 1, 1, 1, 0)]
        return nn.Sequential(*layers)

    def forward(self, x):
        outputs = []
        for model in self.cnns:
            outputs.append(model(x))
            x = self.downsample(x)
        return outputs

    def calc_dis_loss(self, input_fake, input_real):
        outs0 = self.forward(input_fake)
        outs1 = self.forward(input_real)
        loss = 0
        for it, (out0, out1) in enumerate(zip(outs0, outs1)):
            if self.gan_type == 'lsgan':
                loss += torch.mean((out0 - 0) ** 2) + torch.mean((out1 - 1) ** 2)
            elif self.gan_type == 'nsgan':
                all0 = Variable(torch.zeros_like(out0.data).cuda(), requires_grad=False)
                all1 = Variable(torch.ones_like(out1.data).cuda(), requires_grad=False)
                loss += torch.mean(F.binary_cross_entropy(F.sigmoid(out0), all0) +  # expect: LG016
                                   F.binary_cross_entropy(F.sigmoid(out1), all1))  # expect: LG016
            else:
                assert 0, "Unsupported GAN type: {}".format(self.gan_type)
        return loss

    def calc_gen_loss(self, input_fake):
        outs0 = self.forward(input_fake)
        loss = 0
        for it, (out0) in enumerate(outs0):
            if self.gan_type == 'lsgan':
                loss += torch.mean((out0 - 1) ** 2)
            elif self.gan_type == 'nsgan':
                all1 = Variable(torch.ones_like(out0.data).cuda(), requires_grad=False)
                loss += torch.mean(F.binary_cross_entropy(F.sigmoid(out0), all1))  # expect: LG016
            else:
                assert 0, "Unsupported GAN type: {}".format(self.gan_type)
        return loss
