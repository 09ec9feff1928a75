"""positive [LG017]: a manual-optimization pix2pix LightningModule clears the generator's optimizer, fetched as self.optimizers()[GEN] with a module constant, between the generator loss's backward() and that optimizer's step(): the step applies no gradient."""

# Source: j-saez/pix2pix@b49cddeb10 models/pix2pix.py (Pix2Pix); re-typed, identifiers renamed; the weight
# initialisation, the schedulers' lambda, the image logging hooks and validation cut
# Mutation: the generator's zero_grad() moved between backward() and step()
import pytorch_lightning as pl
import torch
import torch.nn as nn

GEN = 0
DISC = 1


class ImageTranslator(pl.LightningModule):
    def __init__(self, generator, discriminator, settings):
        super().__init__()
        self.automatic_optimization = False
        self.generator = generator
        self.discriminator = discriminator
        self.settings = settings
        self.adversarial = nn.BCEWithLogitsLoss()
        self.pixel = nn.L1Loss()

    def configure_optimizers(self):
        g_opt = torch.optim.Adam(self.generator.parameters(), lr=self.settings.lr, betas=(0.5, 0.999))
        d_opt = torch.optim.Adam(self.discriminator.parameters(), lr=self.settings.lr, betas=(0.5, 0.999))
        return [g_opt, d_opt], []

    def training_step(self, batch, batch_idx):
        batch.append(self.generator(batch[0]))
        self.fit_discriminator(batch)
        self.fit_generator(batch)

    def fit_discriminator(self, images):
        real = self.discriminator(images[0], images[1].detach())
        fake = self.discriminator(images[0], images[2].detach())
        loss = (self.adversarial(real, torch.ones_like(real)) + self.adversarial(fake, torch.zeros_like(fake))) / 2.0
        self.optimizers()[DISC].zero_grad()
        loss.backward()
        self.optimizers()[DISC].step()
        return loss

    def fit_generator(self, images):
        fake = self.discriminator(images[0], images[2]).reshape(-1)
        loss = self.adversarial(fake, torch.ones_like(fake)) + self.pixel(images[2], images[1]) * self.settings.l1_lambda
        loss.backward()
        self.optimizers()[GEN].zero_grad()  # expect: LG017
        self.optimizers()[GEN].step()
        return loss
