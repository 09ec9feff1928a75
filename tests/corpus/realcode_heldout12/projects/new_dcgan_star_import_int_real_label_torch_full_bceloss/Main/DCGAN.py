"""part of positive project [LG004]: the DCGAN module builds the data loader, a generator, a discriminator ending in nn.Sigmoid(), criterion = nn.BCELoss() and the labels real_label = 1 and fake_label = 0 as Python ints, all at module level for a star import."""
# Source: GeonwooVincentKim/New_DCGAN@cd1db5cc1b34ebe68d4cd9d6bed18a862f07bd2a Main/DCGAN.py (read as is; re-typed, identifiers renamed, the plotting, the docstring comments and some generator layers left out; the trailing comma that makes the generator's body a tuple, the forward returning it, and the optimizers left as parameter lists with the Adam lines inside a string are as in the source)
from __future__ import print_function

import random

import matplotlib.pyplot as plt
import torch
import torchvision.utils as vutils
from torch import nn, optim
from torchvision import datasets, transforms

IMAGE_SIZE = 64
BATCH_SIZE = 128
USE_CUDA = torch.cuda.is_available()
DEVICE = torch.device("cuda" if USE_CUDA else "cpu")
manualSeed = 999
random.seed(manualSeed)
torch.manual_seed(manualSeed)
dataroot = '../data/'
workers = 2
nc = 3
nz = 100
ngf = 64
ndf = 64
num_epochs = 5
lr = 0.0002
beta1 = 0.5
ngpu = 1

train_set = datasets.ImageFolder(
    root=dataroot,
    transform=transforms.Compose([
        transforms.Resize(IMAGE_SIZE),
        transforms.CenterCrop(IMAGE_SIZE),
        transforms.ToTensor(),
        transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
    ])
)
train_loader = torch.utils.data.DataLoader(dataset=train_set, batch_size=IMAGE_SIZE, shuffle=True,
                                           num_workers=workers)


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find("BatchNorm") != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


class FaceGenerator(nn.Module):
    def __init__(self, ngpu):
        super(FaceGenerator, self).__init__()
        self.ngpu = ngpu
        self.main = nn.Sequential(
            nn.ConvTranspose2d(in_channels=nz, out_channels=ngf * 8, kernel_size=4, stride=1, padding=0, bias=False),
            nn.BatchNorm2d(ngf * 8),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 8, ngf, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False),
            nn.Tanh()
        ),

    def forward(self, input):
        return self.main


netG = FaceGenerator(ngpu).to(DEVICE)
if (DEVICE.type == "cuda") and (ngpu > 1):
    netG = nn.DataParallel(netG, list(range(ngpu)))
netG.apply(weights_init)


class FaceCritic(nn.Module):
    def __init__(self, ngpu):
        super(FaceCritic, self).__init__()
        self.ngpu = ngpu
        self.main = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 4),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 4),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False),
            nn.Sigmoid()
        )

    def forward(self, input):
        return self.main(input)


netD = FaceCritic(ngpu).to(DEVICE)
if (DEVICE.type == "cuda") and (ngpu > 1):
    netD = nn.DataParallel(netD, list(range(ngpu)))
netD.apply(weights_init)

criterion = nn.BCELoss()
fixed_noise = torch.randn(64, nz, 1, 1, device=DEVICE)
real_label = 1
fake_label = 0

optimizerD = list(netD.parameters())
optimizerG = list(netG.parameters())
"""
    optimizerD = optim.Adam(netD.parameters(), lr=lr, betas=(beta1, 0.9999))
    optimizerG = optim.Adam(netG.parameters(), lr=lr, betas=(beta1, 0.9999))
"""
