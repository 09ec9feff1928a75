"""look-alike [LG017]: the same LightningModule at the fix: the discriminator's optimizer steps on its loss's gradients, then is cleared."""

# Source: voicepaw/so-vits-svc-fork@13d63469b0 src/so_vits_svc_fork/train.py (the fix commit; cut, renamed)
from typing import Any

import lightning.pytorch as pl
import torch
import torch.nn.functional as F

from so_vits_svc_fork.models import MultiPeriodDiscriminator, SynthesizerTrn


def discriminator_loss(real_outputs, fake_outputs):
    loss = 0
    for dr, dg in zip(real_outputs, fake_outputs):
        loss += torch.mean((1 - dr.float()) ** 2) + torch.mean(dg.float() ** 2)
    return loss


def generator_loss(fake_outputs):
    loss = 0
    for dg in fake_outputs:
        loss += torch.mean((1 - dg.float()) ** 2)
    return loss


class VoiceConversionModule(pl.LightningModule):
    def __init__(self, **hparams: Any):
        super().__init__()
        self.save_hyperparameters(*hparams.keys())
        self.net_g = SynthesizerTrn(self.hparams.spec_channels, self.hparams.segment_frames, **self.hparams.model)
        self.net_d = MultiPeriodDiscriminator(self.hparams.model.use_spectral_norm)
        self.automatic_optimization = False
        self.optim_g = torch.optim.AdamW(self.net_g.parameters(), self.hparams.train.learning_rate, betas=self.hparams.train.betas)
        self.optim_d = torch.optim.AdamW(self.net_d.parameters(), self.hparams.train.learning_rate, betas=self.hparams.train.betas)

    def configure_optimizers(self):
        return [self.optim_g, self.optim_d]

    def training_step(self, batch: dict[str, torch.Tensor], batch_idx: int) -> None:
        self.net_g.train()
        self.net_d.train()
        optim_g, optim_d = self.optimizers()

        self.toggle_optimizer(optim_g)
        c, f0, spec, mel, y, uv = batch
        y_hat, y_hat_mel, y_mel, loss_kl = self.net_g(c, f0, uv, spec, mel)
        y_d_hat_r, y_d_hat_g = self.net_d(y, y_hat)
        loss_mel = F.l1_loss(y_mel, y_hat_mel) * self.hparams.train.c_mel
        loss_gen_all = generator_loss(y_d_hat_g) + loss_mel + loss_kl
        self.log("loss/g/total", loss_gen_all, prog_bar=True)
        self.manual_backward(loss_gen_all)
        optim_g.step()
        optim_g.zero_grad()
        self.untoggle_optimizer(optim_g)

        self.toggle_optimizer(optim_d)
        y_d_hat_r, y_d_hat_g = self.net_d(y, y_hat.detach())
        loss_disc_all = discriminator_loss(y_d_hat_r, y_d_hat_g)
        self.log("loss/d/total", loss_disc_all, prog_bar=True)
        self.manual_backward(loss_disc_all)
        optim_d.step()
        optim_d.zero_grad()
        self.untoggle_optimizer(optim_d)
