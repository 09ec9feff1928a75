"""part of look-alike project [LG002, LG004, LG006, LG016]: the LightningModule trains the discriminator (optimizer_idx 0) and the generator (optimizer_idx 1) with F.binary_cross_entropy on the discriminator's per-patch sigmoid outputs against float patch labels (torch.ones, or uniform noise scaled into [0.7, 1.0] and [0.0, 0.3]) of the same (N, 1, 5, 5) shape; training_step returns dicts whose 'log' entries hold the loss tensors (Lightning detaches logged values)."""
# Source: kushalchordiya216/DPSRGAN at 2114a357, src/models.py; re-typed, identifiers renamed; the SRResNet pre-training module, test_step's image
# saving and the argument parser shortened.
from collections import OrderedDict
from typing import List

import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor
from torch.optim import Adam

from src.networks import Generator, Discriminator
from src.losses import ContentLoss

content_loss = ContentLoss()


class SRGAN(pl.LightningModule):
    def __init__(self, pretrain_gen: str = "", patch: bool = True, concat: bool = True):
        super(SRGAN, self).__init__()
        self.concat = concat
        self.patch = patch
        self.gpu: bool = torch.cuda.is_available()
        self.netG: nn.Module = Generator()
        self.netD: nn.Module = Discriminator(patch=patch, concat=concat)
        if pretrain_gen:
            self.netG.load_from_checkpoint(pretrain_gen)
        if self.gpu:
            self.netD = self.netD.cuda()
            self.netG = self.netG.cuda()
        self.generated_imgs: Tensor = torch.empty(3, 128, 128)

    def forward(self, z):
        return self.netG(z)

    @staticmethod
    def adversarial_loss(y_hat, y):
        return F.binary_cross_entropy(y_hat, y)

    def training_step(self, batch: List[Tensor], batch_nb, optimizer_idx: int):
        lr, hr, interpolated_lr = batch
        if self.gpu:
            lr, hr, interpolated_lr = lr.cuda(), hr.cuda(), interpolated_lr.cuda()
        self.generated_imgs = self(lr)

        if optimizer_idx == 1:
            real = torch.ones((hr.size(0), 1, 5, 5), device=self.device)
            d_fake: Tensor = self.netD(self.generated_imgs, interpolated_lr)
            g_loss = 0.001 * self.adversarial_loss(d_fake, real) + content_loss(self.generated_imgs, hr)
            tqdm_dict = {'g_loss': g_loss}
            return OrderedDict({'loss': g_loss, 'progress_bar': tqdm_dict, 'log': tqdm_dict})

        elif optimizer_idx == 0:
            real = 0.3 * torch.rand((hr.size(0), 1, 5, 5), device=self.device) + 0.7
            fake = 0.3 * torch.rand((hr.size(0), 1, 5, 5), device=self.device)
            real_loss = self.adversarial_loss(self.netD(hr, interpolated_lr), real)
            fake_loss = self.adversarial_loss(self.netD(self.generated_imgs.detach(), interpolated_lr), fake)
            d_loss = (fake_loss + real_loss) / 2
            tqdm_dict = {'d_loss': d_loss}
            return OrderedDict({'loss': d_loss, 'progress_bar': tqdm_dict, 'log': tqdm_dict})

    def validation_step(self, batch: List[Tensor], batch_idx):
        lr, hr, interpolated_lr = batch
        sr = self(lr)
        d_fake = self.netD(sr, interpolated_lr)
        real = torch.ones((hr.size(0), 1, 5, 5), device=self.device)
        val_loss = self.adversarial_loss(d_fake, real) + content_loss(sr, hr)
        return {'val_loss': val_loss}

    def validation_epoch_end(self, outputs):
        val_loss_mean = torch.stack([x['val_loss'] for x in outputs]).mean()
        return {'val_loss': val_loss_mean}

    def configure_optimizers(self):
        opt_g = Adam(self.netG.parameters(), lr=0.0002, betas=(0.5, 0.999), eps=1e-8)
        opt_d = Adam(self.netD.parameters(), lr=0.0002, betas=(0.5, 0.999), eps=1e-8)
        return [opt_d, opt_g], []
