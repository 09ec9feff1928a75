"""part of positive project [LG003]: the generator's loss module scores the discriminator's output with BCEWithLogitsLoss while the discriminator's loss module uses BCELoss on the same sigmoid probabilities (the fix makes both BCELoss)."""

# Source: sazidshahjada/SRGAN-Pytorch@cb51fd6413 losses.py, fixed in 4f1e9c57d1 (cut, renamed)
import torch
import torch.nn as nn

from features import PerceptualNet


class UpscalerLoss(nn.Module):
    def __init__(self, alpha=0.0006):
        super(UpscalerLoss, self).__init__()
        self.extractor = PerceptualNet().eval()
        self.mse = nn.MSELoss()
        self.adv = nn.BCEWithLogitsLoss()
        self.alpha = alpha

    def forward(self, fake_hr, real_hr, fake_scores):
        perceptual = self.mse(self.extractor(fake_hr), self.extractor(real_hr))
        adversarial = self.adv(fake_scores, torch.ones_like(fake_scores))  # expect: LG003
        return perceptual + self.alpha * adversarial


class CriticLoss(nn.Module):
    def __init__(self):
        super(CriticLoss, self).__init__()
        self.bce = nn.BCELoss()

    def forward(self, real_scores, fake_scores):
        return self.bce(real_scores, torch.ones_like(real_scores)) + self.bce(fake_scores, torch.zeros_like(fake_scores))
