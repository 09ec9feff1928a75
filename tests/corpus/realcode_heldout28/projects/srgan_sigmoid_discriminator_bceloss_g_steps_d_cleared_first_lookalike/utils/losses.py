"""part of look-alike project [LG002, LG006, LG016, LG018]: the adversarial losses apply nn.BCELoss to the discriminator's sigmoid outputs against (N, 1) ones / zeros; the generator loss adds content and perceptual terms."""
# Source: Razyehuda/SRGAN at 52e3e72c, utils/losses.py (read as is); re-typed, identifiers renamed; the VGG perceptual
# loss body and the PSNR / SSIM helpers shortened (ContentLoss, PerceptualLoss stand for the cut parts).
import torch
import torch.nn as nn


class GeneratorAdversarialLoss(nn.Module):
    def __init__(self):
        super(GeneratorAdversarialLoss, self).__init__()
        self.bce = nn.BCELoss()

    def forward(self, fake_outputs):
        n = fake_outputs.size(0)
        ones = torch.ones(n, 1).to(fake_outputs.device)
        return self.bce(fake_outputs, ones)


class CriticLoss(nn.Module):
    def __init__(self):
        super(CriticLoss, self).__init__()
        self.bce = nn.BCELoss()

    def forward(self, real_outputs, fake_outputs):
        n = real_outputs.size(0)
        ones = torch.ones(n, 1).to(real_outputs.device)
        zeros = torch.zeros(n, 1).to(fake_outputs.device)
        real_loss = self.bce(real_outputs, ones)
        fake_loss = self.bce(fake_outputs, zeros)
        return real_loss + fake_loss


class SuperResolutionLoss(nn.Module):
    def __init__(self, content_weight=1.0, perceptual_weight=1.0, adversarial_weight=1e-3):
        super(SuperResolutionLoss, self).__init__()
        self.content = ContentLoss()
        self.perceptual = PerceptualLoss()
        self.adversarial = GeneratorAdversarialLoss()
        self.content_weight = content_weight
        self.perceptual_weight = perceptual_weight
        self.adversarial_weight = adversarial_weight

    def forward(self, sr, hr, fake_outputs=None):
        content_loss = self.content(sr, hr)
        perceptual_loss = self.perceptual(sr, hr)
        if fake_outputs is not None:
            adv = self.adversarial(fake_outputs)
        else:
            adv = torch.tensor(0.0).to(sr.device)
        total = (self.content_weight * content_loss + self.perceptual_weight * perceptual_loss
                 + self.adversarial_weight * adv)
        return total, content_loss, perceptual_loss, adv
