"""part of positive project [LG009, LG016]: the texture encoder ends in a ReLU gate expanded over the feature map; the patch discriminator's non-saturating branch applies F.sigmoid to its map and gives it to F.binary_cross_entropy in the same expression."""
# Source: Boyiliee/SITTA@25826617526321daacf9624736de58a4c82c2011 models.py (read as is; re-typed, identifiers renamed, cut at class boundaries: the shape encoder, decoder, VGG loss and the conv blocks are left out, the generator shortened to its texture path; ConvBlock2d and Conv2dBlock are the repository's own blocks)
import functools

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import autograd


class TextureGate(nn.Module):
    def __init__(self, channel, reduction=16):
        super(TextureGate, self).__init__()
        self.pool = nn.Sequential(
            nn.AdaptiveAvgPool2d(9),
            ConvBlock2d(channel, channel, 3, 1, 1),
            nn.AdaptiveAvgPool2d(1),
        )
        self.fc = nn.Sequential(
            nn.Linear(channel, channel // reduction, bias=False),
            nn.ReLU(inplace=True),
            nn.Linear(channel // reduction, channel, bias=False),
            nn.ReLU()
        )

    def forward(self, x):
        b, c, _, _ = x.size()
        y = self.pool(x).view(b, c)
        y = self.fc(y).view(b, c, 1, 1)
        return y.expand_as(x)


class SwapGenerator(nn.Module):
    def __init__(self, opt):
        super(SwapGenerator, self).__init__()
        self.input_dim = opt['input_dim']
        self.ngf = opt['ngf']
        self.n_downsampling = opt['n_downsampling']
        enc_texture = [ConvBlock2d(self.input_dim, self.ngf, 5, 1, 2, pad_type='reflect')]
        dim = self.ngf
        for _ in range(self.n_downsampling):
            enc_texture += [Conv2dBlock(dim, dim * 2, 'conv', use_bias=True, normtype=nn.InstanceNorm2d)]
            dim = dim * 2
        enc_texture += [TextureGate(dim, reduction=16)]
        self.enc_texture = nn.Sequential(*enc_texture)

    def encode_t(self, x):
        texture = self.enc_texture(x)
        return texture


class PatchCritic(nn.Module):
    def __init__(self, opt):
        super(PatchCritic, self).__init__()
        self.num_layer = opt['num_layer']
        self.input_dim = opt['input_dim']
        self.ndf = opt['ndf']
        self.kernel_size = opt['kernel_size']
        self.stride = opt['stride']
        self.padding = opt['padding']
        self.gan_type = opt['gan_type']
        seq = [nn.Conv2d(self.input_dim, self.ndf, kernel_size=self.kernel_size, stride=self.stride,
                         padding=self.padding), nn.LeakyReLU(0.2, True)]
        mult = 1
        for n in range(1, self.num_layer):
            prev = mult
            mult = min(2 ** n, 8)
            seq += [nn.Conv2d(self.ndf * prev, self.ndf * mult, kernel_size=self.kernel_size, stride=self.stride,
                              padding=self.padding, bias=False),
                    nn.BatchNorm2d(self.ndf * mult), nn.LeakyReLU(0.2, True)]
        seq += [nn.Conv2d(self.ndf * mult, 1, kernel_size=self.kernel_size, stride=1, padding=self.padding)]
        self.net = nn.Sequential(*seq)

    def calc_gen_loss(self, input):
        out = self.forward(input)
        if self.gan_type == 'lsgan':
            loss = torch.mean((out - 1) ** 2)
        elif self.gan_type == 'nsgan':
            all1 = torch.ones_like(out.data).cuda()
            all1.requires_grad = False
            loss = torch.mean(F.binary_cross_entropy(F.sigmoid(out), all1))  # expect: LG016
        else:
            assert 0, "Unsupported GAN type: {}".format(self.gan_type)
        return loss

    def calc_dis_loss(self, input_fake, input_real):
        out_fake = self.forward(input_fake)
        out_real = self.forward(input_real)
        if self.gan_type == 'lsgan':
            loss_adv = torch.mean((out_fake - 0) ** 2) + torch.mean((out_real - 1) ** 2)
            loss_adv = loss_adv * 0.5
        elif self.gan_type == 'nsgan':
            all0 = torch.zeros_like(out_fake.data).cuda()
            all1 = torch.ones_like(out_real.data).cuda()
            all0.requires_grad = False
            all1.requires_grad = False
            loss_adv = torch.mean(F.binary_cross_entropy(F.sigmoid(out_fake), all0) +  # expect: LG016
                                  F.binary_cross_entropy(F.sigmoid(out_real), all1))  # expect: LG016
            loss_adv = loss_adv * 0.5
        else:
            assert 0, "Unsupported GAN type: {}".format(self.gan_type)
        return loss_adv

    def calc_gradient_penalty(self, input_real):
        penalty = 0
        input_real = input_real.requires_grad_(True)
        out = self.forward(input_real).mean(3).mean(2)
        grads = autograd.grad(outputs=out, inputs=input_real, grad_outputs=torch.ones(out.size()).cuda(),
                              create_graph=True, retain_graph=True, only_inputs=True)
        for g in grads:
            if g is not None:
                g = g.view(g.size(0), -1)
                penalty += (g.norm(2, dim=1) ** 2).mean()
        return penalty

    def forward(self, x):
        return self.net(x)
