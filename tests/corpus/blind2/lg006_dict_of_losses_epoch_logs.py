"""positive [LG006]: a super-resolution trainer builds a dict of loss terms and adds each term tensor (with graph) into per-epoch running sums."""
from collections import defaultdict

import torch
import torch.nn as nn
import torch.nn.functional as F


class SRTrainer:
    def __init__(self, generator, vgg_features, lr=2e-4, device="cuda"):
        self.g = generator.to(device)
        self.vgg = vgg_features.to(device).eval()
        self.device = device
        self.pixel_crit = nn.L1Loss()
        self.opt = torch.optim.Adam(self.g.parameters(), lr=lr, betas=(0.9, 0.99))

    def compute_losses(self, sr, hr):
        return {
            "pixel": self.pixel_crit(sr, hr),
            "perceptual": F.mse_loss(self.vgg(sr), self.vgg(hr)),
        }

    def train_epoch(self, loader, weights=None):
        weights = weights or {"pixel": 1.0, "perceptual": 0.1}
        epoch_logs = defaultdict(float)
        for lr_img, hr_img in loader:
            lr_img, hr_img = lr_img.to(self.device), hr_img.to(self.device)
            sr = self.g(lr_img)
            terms = self.compute_losses(sr, hr_img)
            total = sum(weights[k] * v for k, v in terms.items())
            self.opt.zero_grad()
            total.backward()
            self.opt.step()
            for name, value in terms.items():
                epoch_logs[name] += value  # expect: LG006
        return {k: float(v) / len(loader) for k, v in epoch_logs.items()}
