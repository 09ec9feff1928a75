"""look-alike [LG002, LG003]: ClusterGAN discriminator appends torch.nn.Sigmoid() to its Sequential only when it is not a Wasserstein critic, and BCELoss is used only on that same (not wass_metric) path."""
# Source: https://github.com/eriklindernoren/PyTorch-GAN implementations/cluster_gan/clustergan.py at
# 36d3c77e5ff20ebe0aeefd322326a134a279b93e; re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn
from torch.autograd import Variable

wass_metric = False
Tensor = torch.FloatTensor


class Reshape(nn.Module):
    def __init__(self, shape=[]):
        super(Reshape, self).__init__()
        self.shape = shape

    def forward(self, x):
        return x.view(x.size(0), *self.shape)


class Discriminator_CNN(nn.Module):
    def __init__(self, wass_metric=False, verbose=False):
        super(Discriminator_CNN, self).__init__()
        self.channels = 1
        self.lshape = (128, 5, 5)
        self.iels = 128 * 5 * 5
        self.wass = wass_metric
        self.model = nn.Sequential(
            nn.Conv2d(self.channels, 64, 4, stride=2, bias=True),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(64, 128, 4, stride=2, bias=True),
            nn.LeakyReLU(0.2, inplace=True),
            Reshape(self.lshape),
            torch.nn.Linear(self.iels, 1024),
            nn.LeakyReLU(0.2, inplace=True),
            torch.nn.Linear(1024, 1),
        )
        if (not self.wass):
            self.model = nn.Sequential(self.model, torch.nn.Sigmoid())

    def forward(self, img):
        validity = self.model(img)
        return validity


bce_loss = torch.nn.BCELoss()
discriminator = Discriminator_CNN(wass_metric=wass_metric)
optimizer_D = torch.optim.Adam(discriminator.parameters(), lr=1e-4, betas=(0.5, 0.9))

for epoch in range(200):
    for i, (real_imgs, itruth_label) in enumerate([]):
        gen_imgs = torch.randn_like(real_imgs)
        D_gen = discriminator(gen_imgs)
        D_real = discriminator(real_imgs)
        optimizer_D.zero_grad()
        if wass_metric:
            d_loss = torch.mean(D_real) - torch.mean(D_gen)
        else:
            valid = Variable(Tensor(gen_imgs.size(0), 1).fill_(1.0), requires_grad=False)
            fake = Variable(Tensor(gen_imgs.size(0), 1).fill_(0.0), requires_grad=False)
            real_loss = bce_loss(D_real, valid)
            fake_loss = bce_loss(D_gen, fake)
            d_loss = (real_loss + fake_loss) / 2
        d_loss.backward()
        optimizer_D.step()
