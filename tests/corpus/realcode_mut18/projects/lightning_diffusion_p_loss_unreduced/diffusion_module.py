"""part of positive project [LG015]: a diffusion model whose default l2 loss is per-element (reduction='none'), wrapped in a LightningModule whose training_step returns it."""

# Source: hugodmn/DiffusionModel_from_scratch@713ad9ddc3 src/models/diffusion_module.py (DiffusionModel.p_loss and forward, LightningDiffusionModule, re-typed; sampling, EMA and wandb cut)
# Mutation: loss = F.mse_loss(noise, predicted_noise) became loss = F.mse_loss(noise, predicted_noise, reduction="none")
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F


class DiffusionModel(nn.Module):
    def __init__(self, model, image_size=64, timesteps=1000):
        super().__init__()
        self.diffusion_model = model
        self.image_size = image_size
        self.num_timesteps = timesteps
        betas = torch.linspace(1e-4, 0.02, timesteps)
        alphas_cumprod = torch.cumprod(1.0 - betas, dim=0)
        self.register_buffer("sqrt_alphas_cumprod", torch.sqrt(alphas_cumprod))
        self.register_buffer("sqrt_one_minus_alphas_cumprod", torch.sqrt(1.0 - alphas_cumprod))

    def q_sample(self, x_start, t, noise=None):
        if noise is None:
            noise = torch.randn_like(x_start)
        a = self.sqrt_alphas_cumprod[t].view(-1, 1, 1, 1)
        b = self.sqrt_one_minus_alphas_cumprod[t].view(-1, 1, 1, 1)
        return a * x_start + b * noise

    def p_loss(self, x_start, t, noise=None, loss_type: str = "l2"):
        if noise is None:
            noise = torch.randn_like(x_start)
        x_noised = self.q_sample(x_start, t, noise=noise)
        predicted_noise = self.diffusion_model(x_noised, t)
        if loss_type == "l2":
            loss = F.mse_loss(noise, predicted_noise, reduction="none")
        elif loss_type == "l1":
            loss = F.l1_loss(noise, predicted_noise)
        else:
            raise ValueError(f"unknown loss type {loss_type}")
        return loss

    def forward(self, x):
        timestamp = torch.randint(0, self.num_timesteps, (1,)).long().to(x.device)
        return self.p_loss(x * 2 - 1, timestamp)


class LightningDiffusionModule(pl.LightningModule):
    def __init__(self, model: DiffusionModel, train_lr: float = 1e-4):
        super().__init__()
        self.diff_model = model
        self.train_lr = train_lr

    def training_step(self, batch, batch_idx):
        images = batch
        loss = self.diff_model(images)
        self.log("train_loss", loss)
        return loss  # expect: LG015

    def configure_optimizers(self):
        return torch.optim.Adam(self.diff_model.parameters(), lr=self.train_lr)
