"""look-alike [LG006, LG014, LG015]: a LightningModule with manual optimisation trains a VAE generator and its discriminator: each loss is divided by the accumulation count and back-propagated with manual_backward every micro-batch, and each optimizer steps and clears its gradients together every accumulate_grad_batches batches; the losses only go to self.log."""
# Source: gaozhihan/PreDiff@0703a6192c93042e14ab9be1dad1e0ebea1e0b5a scripts/vae/sevirlr/train_vae_sevirlr.py (the merge of pull request #33 "Fix: gradient accumulation in VAE training", which moved each zero_grad after its step; re-typed, identifiers renamed, cut at method boundaries: the config getters, the LR-scheduler branch of configure_optimizers, the visualisation, validation, test and main left out)
import numpy as np
import torch
import lightning.pytorch as pl
from einops import rearrange
from omegaconf import OmegaConf

from prediff.taming import AutoencoderKL, LPIPSWithDiscriminator


class VAEModule(pl.LightningModule):

    def __init__(self, total_num_steps: int, accumulate_grad_batches: int = 1, oc_file: str = None, save_dir: str = None):
        super(VAEModule, self).__init__()
        oc_file_cfg = OmegaConf.load(open(oc_file, "r")) if oc_file is not None else None
        oc = self.get_base_config(oc_from_file=oc_file_cfg)
        mcfg = OmegaConf.to_object(oc.model)
        self.net = AutoencoderKL(
            down_block_types=mcfg["down_block_types"],
            in_channels=mcfg["in_channels"],
            block_out_channels=mcfg["block_out_channels"],
            act_fn=mcfg["act_fn"],
            latent_channels=mcfg["latent_channels"],
            up_block_types=mcfg["up_block_types"],
            out_channels=mcfg["out_channels"], )
        lcfg = mcfg["loss"]
        self.loss = LPIPSWithDiscriminator(
            disc_start=lcfg["disc_start"],
            kl_weight=lcfg["kl_weight"],
            disc_weight=lcfg["disc_weight"],
            perceptual_weight=lcfg["perceptual_weight"],
            disc_in_channels=lcfg["disc_in_channels"], )
        self.total_num_steps = total_num_steps
        self.save_hyperparameters(oc)
        self.oc = oc
        self.automatic_optimization = False
        self.accumulate_grad_batches = accumulate_grad_batches

    def configure_optimizers(self):
        cfg = self.oc.optim
        opt_ae = torch.optim.Adam(list(self.net.encoder.parameters()) +
                                  list(self.net.decoder.parameters()) +
                                  list(self.net.quant_conv.parameters()) +
                                  list(self.net.post_quant_conv.parameters()),
                                  lr=cfg.lr, betas=cfg.betas)
        opt_disc = torch.optim.Adam(self.loss.discriminator.parameters(), lr=cfg.lr, betas=cfg.betas)
        return [{"optimizer": opt_ae}, {"optimizer": opt_disc}]

    def get_last_layer(self):
        return self.net.decoder.conv_out.weight

    def get_input(self, batch):
        return rearrange(batch, "b 1 h w c -> b c h w").contiguous(), None

    def forward(self, target, sample_posterior=True):
        pred, posterior = self.net(sample=target, sample_posterior=sample_posterior, return_posterior=True)
        return pred, posterior

    def training_step(self, batch, batch_idx):
        g_opt, d_opt = self.optimizers()
        g_sch, d_sch = self.lr_schedulers()

        target, _ = self.get_input(batch=batch)
        pred, posterior = self(target)

        g_loss, g_logs = self.loss(target, pred, posterior, optimizer_idx=0, global_step=self.global_step,
                                   mask=None, last_layer=self.get_last_layer(), split="train")
        g_loss /= self.accumulate_grad_batches
        self.log("aeloss", g_loss, prog_bar=True, logger=True, on_step=True, on_epoch=True, sync_dist=False)
        self.log_dict(g_logs, prog_bar=False, logger=True, on_step=True, on_epoch=False, sync_dist=False)
        self.manual_backward(g_loss)
        if (batch_idx + 1) % self.accumulate_grad_batches == 0:
            self.clip_gradients(g_opt, gradient_clip_val=self.oc.optim.gradient_clip_val, gradient_clip_algorithm="norm")
            g_opt.step()
            g_sch.step()
            g_opt.zero_grad()

        d_loss, d_logs = self.loss(target, pred, posterior, optimizer_idx=1, global_step=self.global_step,
                                   mask=None, last_layer=self.get_last_layer(), split="train")
        d_loss /= self.accumulate_grad_batches
        self.log("discloss", d_loss, prog_bar=True, logger=True, on_step=True, on_epoch=True, sync_dist=False)
        self.log_dict(d_logs, prog_bar=False, logger=True, on_step=True, on_epoch=False, sync_dist=False)
        self.manual_backward(d_loss)
        if (batch_idx + 1) % self.accumulate_grad_batches == 0:
            self.clip_gradients(d_opt, gradient_clip_val=self.oc.optim.gradient_clip_val, gradient_clip_algorithm="norm")
            d_opt.step()
            d_sch.step()
            d_opt.zero_grad()
