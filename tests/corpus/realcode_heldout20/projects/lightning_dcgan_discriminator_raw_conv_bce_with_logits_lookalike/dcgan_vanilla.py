"""look-alike [LG003, LG002, LG004, LG005]: a LightningModule DCGAN: adversarial_loss is F.binary_cross_entropy_with_logits on the discriminator's raw scores flattened with .view(-1), against torch.full labels of an integer fill converted with .type_as(imgs); no sigmoid anywhere on the loss path."""
# Source: eungbean/DCGAN-pytorch-lightning-comet at 414cbd5e (read as is), net/01_DCGAN-Vanila.py (file renamed:
# a module name cannot start with a digit); re-typed, identifiers renamed; the Comet logger, callbacks, output
# folders and the commented template methods cut. data/, models/configs and tools/ are not included; their names
# stay undefined as the source's imports give them.
from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch.optim import Adam
import pytorch_lightning as pl

from data import CIFAR10
from models import Generator
from models import Discriminator
from models.metrics.accuracy_cifar10 import accuracy
from models.configs import load_default_config
from tools.utils import weights_init, set_random_seed

set_random_seed()
cfg = load_default_config()
cfg.merge_from_file("tools/logger/01_DCGAN-vanila.yaml")
cfg.freeze()


class DCGAN(pl.LightningModule):
    def __init__(self):
        super(DCGAN, self).__init__()
        self.netG = Generator(cfg)
        self.netD = Discriminator(cfg)
        self.real_label = 1
        self.fake_label = 0
        self.fake_imgs = None
        self.netD.apply(weights_init)
        self.netG.apply(weights_init)

    def forward(self, z):
        return self.netG(z)

    def adversarial_loss(self, y_hat, y):
        return F.binary_cross_entropy_with_logits(y_hat, y)

    def training_step(self, batch, batch_idx, optimizer_idx):
        imgs, _ = batch
        n = imgs.shape[0]
        if optimizer_idx == 0:
            z = torch.randn(n, cfg.MODEL.NUM_Z, 1, 1, device=self.device)
            z = z.type_as(imgs)
            self.fake_imgs = self.netG(z)
            target_real = torch.full((n,), self.real_label, device=self.device)
            target_real = target_real.type_as(imgs)
            self.scores = self.netD(self.fake_imgs.type_as(imgs))
            g_loss = self.adversarial_loss(self.scores.view(-1), target_real)
            log = {"g_loss": g_loss}
            return OrderedDict({"loss": g_loss, "progress_bar": log, "log": log})

        if optimizer_idx == 1:
            target_real = torch.full((n,), self.real_label, device=self.device)
            target_real = target_real.type_as(imgs)
            s_real = self.netD(imgs).view(-1)
            d_real = self.adversarial_loss(s_real, target_real)
            target_fake = torch.full((n,), self.fake_label, device=self.device)
            target_fake = target_fake.type_as(imgs)
            s_fake = self.netD(self.fake_imgs.detach()).view(-1)
            d_fake = self.adversarial_loss(s_fake, target_fake)
            d_loss = (d_real + d_fake) / 2
            acc_real = accuracy(s_real, target_fake)
            acc_fake = accuracy(s_fake, target_fake)
            acc = (acc_real + acc_fake) / 2
            bar = {"d_loss": d_loss, "D_acc": acc}
            log = {"d_loss": d_loss, "D_acc_real": acc_real, "D_acc_fake": acc_fake, "D_acc": acc}
            return OrderedDict({"loss": d_loss, "progress_bar": bar, "log": log})

    def configure_optimizers(self):
        opt_d = Adam(self.netD.parameters(), lr=cfg.SOLVER.D_LR, betas=(cfg.SOLVER.BETA1, cfg.SOLVER.BETA2))
        opt_g = Adam(self.netG.parameters(), lr=cfg.SOLVER.G_LR, betas=(cfg.SOLVER.BETA1, cfg.SOLVER.BETA2))
        return [opt_g, opt_d], []


model = DCGAN()
trainer = pl.Trainer(min_epochs=1, max_epochs=cfg.SOLVER.EPOCHS, gpus=cfg.SYSTEM.NUM_GPU_WORKER)
trainer.fit(model, CIFAR10(cfg))
