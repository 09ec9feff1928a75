"""look-alike [LG002, LG004, LG005, LG016]: the Lightning DCGAN's discriminator ends in an nn.Sequential whose last layer is nn.Sigmoid(), and adversarial_loss applies F.binary_cross_entropy to it against (N, 1) float labels made with type_as."""
# Source: nocotan/pytorch-lightning-gans@394b309ad3c17469eca74f108d728cddb4431d77 models/dcgan.py (master, read as is; re-typed, identifiers renamed, cut at method boundaries: the generator's layers, image logging, dataloader and main() left out)
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

from pytorch_lightning.core import LightningModule


class ConvCritic(nn.Module):
    def __init__(self, img_shape):
        super(ConvCritic, self).__init__()

        def down(in_feat, out_feat, bn=True):
            block = [nn.Conv2d(in_feat, out_feat, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True), nn.Dropout2d(0.25)]
            if bn:
                block.append(nn.BatchNorm2d(out_feat, 0.8))
            return block

        self.features = nn.Sequential(
            *down(img_shape[0], 16, bn=False),
            *down(16, 32),
            *down(32, 64),
            *down(64, 128),
        )
        side = img_shape[1] // 2 ** 4
        self.head = nn.Sequential(nn.Linear(128 * side ** 2, 1), nn.Sigmoid())

    def forward(self, img):
        h = self.features(img)
        h = h.view(h.shape[0], -1)
        return self.head(h)


class LitDCGAN(LightningModule):

    def __init__(self, latent_dim: int = 100, lr: float = 0.0002, b1: float = 0.5, b2: float = 0.999,
                 batch_size: int = 64, **kwargs):
        super().__init__()
        self.save_hyperparameters()
        self.latent_dim = latent_dim
        self.lr = lr
        self.b1 = b1
        self.b2 = b2
        self.batch_size = batch_size
        img_shape = (1, 32, 32)
        self.gen = ConvGenerator(latent_dim=self.latent_dim, img_shape=img_shape)
        self.critic = ConvCritic(img_shape=img_shape)

    def forward(self, z):
        return self.gen(z)

    def adversarial_loss(self, y_hat, y):
        return F.binary_cross_entropy(y_hat, y)

    def training_step(self, batch, batch_idx, optimizer_idx):
        imgs, _ = batch
        z = torch.randn(imgs.shape[0], self.latent_dim)
        z = z.type_as(imgs)

        if optimizer_idx == 0:
            valid = torch.ones(imgs.size(0), 1)
            valid = valid.type_as(imgs)
            g_loss = self.adversarial_loss(self.critic(self(z)), valid)
            logs = {'g_loss': g_loss}
            return OrderedDict({'loss': g_loss, 'progress_bar': logs, 'log': logs})

        if optimizer_idx == 1:
            valid = torch.ones(imgs.size(0), 1)
            valid = valid.type_as(imgs)
            real_loss = self.adversarial_loss(self.critic(imgs), valid)
            fake = torch.zeros(imgs.size(0), 1)
            fake = fake.type_as(imgs)
            fake_loss = self.adversarial_loss(self.critic(self(z).detach()), fake)
            d_loss = (real_loss + fake_loss) / 2
            logs = {'d_loss': d_loss}
            return OrderedDict({'loss': d_loss, 'progress_bar': logs, 'log': logs})

    def configure_optimizers(self):
        opt_g = torch.optim.Adam(self.gen.parameters(), lr=self.lr, betas=(self.b1, self.b2))
        opt_d = torch.optim.Adam(self.critic.parameters(), lr=self.lr, betas=(self.b1, self.b2))
        return [opt_g, opt_d], []
