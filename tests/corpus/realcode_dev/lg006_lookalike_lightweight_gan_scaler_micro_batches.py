"""look-alike [LG006]: a GAN trainer's step sums the discriminator's and the generator's losses over the micro-batches of one optimizer step (gradient accumulation), each micro-batch back-propagated through a GradScaler, the optimizer stepped once after the loop by `scaler.step(optimizer)`; the sums are started afresh at every step and read with .item(). No graph outlives the step."""
# Source: https://github.com/lucidrains/lightweight-gan lightweight_gan/lightweight_gan.py (Trainer.train) at
# efbec4570b7cb715e05058eccc518dc1a5753523; re-typed, names changed, reduced (hinge losses, no augmentation). Correct code.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.cuda.amp import GradScaler


def hinge_loss(real, fake):
    return (F.relu(1 + real) + F.relu(1 - fake)).mean()


def gen_hinge_loss(fake):
    return fake.mean()


class Trainer:
    def __init__(self, generator, discriminator, loader, latent_dim=256, accumulate_every=4):
        self.G = generator
        self.D = discriminator
        self.loader = loader
        self.latent_dim = latent_dim
        self.accumulate_every = accumulate_every
        self.G_opt = torch.optim.Adam(self.G.parameters(), lr=2e-4, betas=(0.5, 0.9))
        self.D_opt = torch.optim.Adam(self.D.parameters(), lr=2e-4, betas=(0.5, 0.9))
        self.G_scaler = GradScaler()
        self.D_scaler = GradScaler()
        self.d_loss = 0.0
        self.g_loss = 0.0

    def train_step(self, batch_size=16):
        total_disc_loss = torch.zeros([])
        total_gen_loss = torch.zeros([])

        self.D_opt.zero_grad()
        for _ in range(self.accumulate_every):
            latents = torch.randn(batch_size, self.latent_dim)
            images = next(self.loader)
            with torch.no_grad():
                generated = self.G(latents)
            real_output, real_output_small = self.D(images)
            fake_output, fake_output_small = self.D(generated.detach())
            divergence = hinge_loss(real_output, fake_output)
            divergence_small = hinge_loss(real_output_small, fake_output_small)
            disc_loss = divergence + divergence_small
            disc_loss = disc_loss / self.accumulate_every
            self.D_scaler.scale(disc_loss).backward()
            total_disc_loss += divergence

        self.d_loss = float(total_disc_loss.item() / self.accumulate_every)
        self.D_scaler.step(self.D_opt)
        self.D_scaler.update()

        self.G_opt.zero_grad()
        for _ in range(self.accumulate_every):
            latents = torch.randn(batch_size, self.latent_dim)
            fake_output, fake_output_small = self.D(self.G(latents))
            loss = gen_hinge_loss(fake_output)
            loss_small = gen_hinge_loss(fake_output_small)
            gen_loss = loss + loss_small
            gen_loss = gen_loss / self.accumulate_every
            self.G_scaler.scale(gen_loss).backward()
            total_gen_loss += loss

        self.g_loss = float(total_gen_loss.item() / self.accumulate_every)
        self.G_scaler.step(self.G_opt)
        self.G_scaler.update()


class Discriminator(nn.Module):
    def __init__(self, size=3 * 32 * 32):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(size, 512), nn.LeakyReLU(0.2))
        self.head = nn.Linear(512, 1)
        self.head_small = nn.Linear(512, 1)

    def forward(self, x):
        h = self.body(x)
        return self.head(h), self.head_small(h)


def main(loader, steps=1000):
    generator = nn.Sequential(nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 3 * 32 * 32), nn.Tanh())
    discriminator = Discriminator()
    trainer = Trainer(generator, discriminator, loader)
    for _ in range(steps):
        trainer.train_step()
