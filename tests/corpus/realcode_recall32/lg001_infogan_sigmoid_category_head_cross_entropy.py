"""positive [LG001]: an InfoGAN discriminator returns the sigmoid of its real/fake score, the sigmoid of its ten categorical-code scores and the raw continuous codes; the categorical scores go into nn.CrossEntropyLoss with the sampled class indices, in the discriminator's and the generator's loss."""

# Source: GunhoChoi/PyTorch-FastCampus@1e9ba63e9c 09_GAN/2_InfoGAN/infogan_catcon.ipynb (the notebook's cells, re-typed,
# renamed, the image and code checks cut)
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn

batch_size = 128
noise_size = 50
n_categories = 10
n_continuous = 2
info_weight = 1


def to_onehot(labels):
    onehot = np.zeros(shape=[len(labels), n_categories])
    onehot[np.arange(len(labels)), labels] = 1
    return onehot


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(noise_size + n_categories + n_continuous, 7 * 7 * 256), nn.BatchNorm1d(7 * 7 * 256), nn.ReLU())
        self.deconv = nn.Sequential(
            nn.ConvTranspose2d(256, 128, 3, 2, 1, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.1),
            nn.ConvTranspose2d(128, 1, 3, 2, 1, 1), nn.Tanh(),
        )

    def forward(self, z):
        out = self.fc(z).view(batch_size, 256, 7, 7)
        return self.deconv(out)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(OrderedDict([
            ("conv1", nn.Conv2d(1, 32, 3, stride=2, padding=1)),
            ("act1", nn.LeakyReLU(0.1)),
            ("conv2", nn.Conv2d(32, 64, 3, stride=2, padding=1)),
            ("bn2", nn.BatchNorm2d(64)),
            ("act2", nn.LeakyReLU(0.1)),
        ]))
        self.head = nn.Sequential(
            nn.Linear(64 * 7 * 7, 256), nn.BatchNorm1d(256), nn.LeakyReLU(0.1), nn.Linear(256, 1 + n_categories + n_continuous)
        )
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        out = self.features(x).view(batch_size, -1)
        out = self.head(out)
        real = self.sigmoid(out[:, 0:1])
        category = self.sigmoid(out[:, 1:11])
        continuous = out[:, 11:]
        return real, category, continuous


generator = Generator().cuda()
discriminator = Discriminator().cuda()
adv_loss = nn.BCELoss()
category_loss = nn.CrossEntropyLoss()
continuous_loss = nn.MSELoss()
gen_optim = torch.optim.Adam(generator.parameters(), lr=5e-4, betas=(0.5, 0.999))
dis_optim = torch.optim.Adam(discriminator.parameters(), lr=1e-4, betas=(0.5, 0.999))
ones = torch.ones(batch_size, 1).cuda()
zeros = torch.zeros(batch_size, 1).cuda()


def sample_codes():
    noise = np.random.normal(0, 0.1, size=[batch_size, noise_size])
    classes = np.random.randint(0, 10, size=batch_size)
    continuous = np.random.uniform(-1, 1, size=[batch_size, 2])
    z = torch.from_numpy(np.concatenate([noise, to_onehot(classes), continuous], axis=1)).float().cuda()
    return z, torch.from_numpy(classes).long().cuda(), torch.from_numpy(continuous).float().cuda()


for epoch in range(100):
    for image, _ in train_loader:
        image = image.cuda()

        z, z_class, z_continuous = sample_codes()
        fake = generator(z)
        d_fake, category_fake, continuous_fake = discriminator(fake)
        dis_optim.zero_grad()
        d_real, _, _ = discriminator(image)
        dis_info = category_loss(category_fake, z_class)  # expect: LG001
        dis_loss = adv_loss(d_fake, zeros) + adv_loss(d_real, ones) + info_weight * (dis_info + continuous_loss(continuous_fake, z_continuous))
        dis_loss.backward()
        dis_optim.step()

        z, z_class, z_continuous = sample_codes()
        gen_optim.zero_grad()
        fake = generator(z)
        d_fake, category_fake, continuous_fake = discriminator(fake)
        gen_info = category_loss(category_fake, z_class)  # expect: LG001
        gen_loss = adv_loss(d_fake, ones) + info_weight * (gen_info + continuous_loss(continuous_fake, z_continuous))
        gen_loss.backward()
        gen_optim.step()
