"""look-alike [LG001, LG011]: the fixed SGAN trainer scores the discriminator's (num_classes + 1)-way logits with nn.CrossEntropyLoss for real images, generated images (the extra fake class) and the generator step."""
# Source: progradeep/gan-pytorch at 6b160b93 ("Changes to SGAN"), SGAN/trainer.py; re-typed, identifiers renamed;
# the Korean comments, the image saving and the checkpointing cut. The progress print reads errD.data[0] and
# errG.data[0] (an IndexError on 0-dim tensors since PyTorch 0.5); kept as in the source. config.py,
# data_loader.py and main.py are not included.
import math
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable

import models.sgan as sgan


def weights_init(m):
    name = m.__class__.__name__
    if name.find('Conv') != -1:
        m.weight.data.normal_(0.0, 0.02)
    elif name.find('BatchNorm') != -1:
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


class Trainer(object):
    def __init__(self, config, data_loader):
        self.config = config
        self.data_loader = data_loader
        self.nc = int(config.nc)
        self.nz = int(config.nz)
        self.ngf = int(config.ngf)
        self.ndf = int(config.ndf)
        self.cuda = config.cuda
        self.num_classes = int(config.num_classes)
        self.batch_size = config.batch_size
        self.image_size = config.image_size
        self.lr = config.lr
        self.beta1 = config.beta1
        self.niter = config.niter
        self.build_model()
        if self.cuda:
            self.netD.cuda()
            self.netG.cuda()

    def build_model(self):
        self.netG = sgan._netG(self.nz, self.ngf, self.nc)
        self.netG.apply(weights_init)
        self.netD = sgan._netD(self.nc, self.ndf, self.num_classes)
        self.netD.apply(weights_init)

    def train(self):
        criterion = nn.CrossEntropyLoss()
        inp = torch.FloatTensor(self.batch_size, 3, self.image_size, self.image_size)
        noise = torch.FloatTensor(self.batch_size, self.nz, 1, 1)
        label = torch.LongTensor(self.batch_size)
        fake_label = self.num_classes
        if self.cuda:
            criterion.cuda()
            inp, label = inp.cuda(), label.cuda()
            noise = noise.cuda()
        optD = optim.Adam(self.netD.parameters(), lr=self.lr, betas=(self.beta1, 0.999))
        optG = optim.Adam(self.netG.parameters(), lr=self.lr, betas=(self.beta1, 0.999))

        for epoch in range(self.niter):
            for i, data in enumerate(self.data_loader, 0):
                for p in self.netD.parameters():
                    p.requires_grad = True
                self.netD.zero_grad()
                real, target = data
                bs = real.size(0)
                if self.cuda:
                    real = real.cuda()
                    target = target.cuda()
                inp.resize_as_(real).copy_(real)
                target.resize_(bs)
                inp_v = Variable(inp)
                lab_v = Variable(target)

                out = self.netD(inp_v)
                errD_real = criterion(out, lab_v)
                errD_real.backward()
                D_x = out.data.mean()

                noise.resize_(bs, self.nz, 1, 1).normal_(0, 1)
                fake = self.netG(Variable(noise))
                label.resize_(bs).fill_(fake_label)
                lab_v = Variable(label)
                out = self.netD(fake.detach())
                errD_fake = criterion(out, lab_v)
                errD_fake.backward()
                D_G_z1 = out.data.mean()
                errD = errD_real + errD_fake
                optD.step()

                for p in self.netD.parameters():
                    p.requires_grad = False
                self.netG.zero_grad()
                lab_v = Variable(target)
                out = self.netD(fake)
                errG = criterion(out, lab_v)
                errG.backward()
                D_G_z2 = out.data.mean()
                optG.step()

                print('[%d/%d][%d/%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f D(G(z)): %.4f / %.4f'
                      % (epoch, self.niter, i, len(self.data_loader),
                         errD.data[0], errG.data[0], D_x, D_G_z1, D_G_z2))
