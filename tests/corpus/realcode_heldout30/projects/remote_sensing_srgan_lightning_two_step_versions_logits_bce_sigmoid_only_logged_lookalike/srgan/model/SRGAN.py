"""part of look-alike project [LG003, LG016, LG017, LG018]: the LightningModule: BCEWithLogitsLoss as the adversarial criterion, the real target 0.9 or 1.0 (label smoothing), two optimizers [D, G]; with Lightning >= 2 it switches to manual optimization and binds training_step_pl2, otherwise training_step_pl1 (automatic optimization, one optimizer per call)."""
# Source: simon-donike/SISR-RS-SRGAN at b098ea1a, opensr_srgan/model/SRGAN.py; re-typed, identifiers renamed; the generator factory, EMA, validation,
# the schedulers and the logging helpers shortened.
from types import MethodType
from typing import Optional

import pytorch_lightning as pl
import torch

from srgan.model.discriminators.srgan_discriminator import SRDiscriminator


class SuperResGAN(pl.LightningModule):
    def __init__(self, config, mode="train"):
        super().__init__()
        self.config = config
        self.pl_version = tuple(int(v) for v in pl.__version__.split(".")[:3])
        self.generator = build_generator(config)
        if mode == "train":
            self.discriminator = SRDiscriminator(in_channels=config.Model.in_bands)
        self.g_pretrain_steps = int(getattr(config.Training, "g_pretrain_steps", 0))
        self.adv_ramp_steps = int(getattr(config.Training, "adv_loss_ramp_steps", 20000))
        self.adv_target = 0.9 if getattr(config.Training, "label_smoothing", False) else 1.0
        if mode == "train":
            from srgan.model.loss import ContentLoss
            self.content_criterion = ContentLoss(config)
            self.adv_criterion = torch.nn.BCEWithLogitsLoss()
        self._setup_training_step()

    def _setup_training_step(self):
        if self.pl_version >= (2, 0, 0):
            self.automatic_optimization = False
            from srgan.model.training_step_PL import training_step_pl2
            self._step_impl = MethodType(training_step_pl2, self)
        else:
            from srgan.model.training_step_PL import training_step_pl1
            self._step_impl = MethodType(training_step_pl1, self)

    def forward(self, lr_imgs):
        return self.generator(lr_imgs)

    def training_step(self, batch, batch_idx, optimizer_idx: Optional[int] = None, *args):
        if self.pl_version >= (2, 0, 0):
            return self._step_impl(batch, batch_idx)
        return self._step_impl(batch, batch_idx, optimizer_idx)

    def _pretrain_check(self):
        return self.global_step < self.g_pretrain_steps

    def _adv_weight(self):
        steps = max(0, self.global_step - self.g_pretrain_steps)
        return float(self.config.Training.Losses.adv_loss_beta) * min(1.0, steps / max(1, self.adv_ramp_steps))

    def configure_optimizers(self):
        opt_d = torch.optim.Adam(self.discriminator.parameters(), lr=self.config.Optimizers.optim_d_lr)
        opt_g = torch.optim.Adam(self.generator.parameters(), lr=self.config.Optimizers.optim_g_lr)
        return [opt_d, opt_g]
