"""part of look-alike project [LG015]: the training script builds the denoiser, the diffusion model and the LightningModule, and fits it."""

# Source: hugodmn/DiffusionModel_from_scratch@713ad9ddc3 src/train.py (main, re-typed; the dataset, logger and checkpointing cut)
import pytorch_lightning as pl
import torch.nn as nn
from diffusion_module import DiffusionModel, LightningDiffusionModule
from torch.utils.data import DataLoader


class Denoiser(nn.Module):
    def __init__(self, dim=64):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, dim, 3, padding=1), nn.SiLU(), nn.Conv2d(dim, 3, 3, padding=1))

    def forward(self, x, t):
        return self.net(x)


def main(dataset, params):
    loader = DataLoader(dataset, batch_size=params.batch_size, shuffle=True)
    diffusion_model = DiffusionModel(Denoiser(params.dim), image_size=params.image_size, timesteps=params.timesteps)
    module = LightningDiffusionModule(diffusion_model, train_lr=float(params.train_lr))
    trainer = pl.Trainer(max_epochs=params.epochs)
    trainer.fit(module, train_dataloaders=loader)
