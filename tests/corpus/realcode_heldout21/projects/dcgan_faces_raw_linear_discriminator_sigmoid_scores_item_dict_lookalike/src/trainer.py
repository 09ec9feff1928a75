"""part of look-alike project [LG003, LG006, LG016]: nn.BCEWithLogitsLoss on the raw discriminator scores; torch.sigmoid is applied only to report mean real/fake scores as .item(); train_step returns plain floats, which the epoch loop appends to lists."""
# Source: Shrihari2004/dcgan-face-generator at 364213dc (read as is), src/trainer.py; re-typed, identifiers renamed;
# the JPEG compression of samples, checkpoint rotation and plotting cut. src/dataset.py and run.py are not
# included.
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.tensorboard import SummaryWriter
from tqdm import tqdm

from models import Generator, Discriminator, weights_init, compress_model


class FaceGANTrainer:
    def __init__(self, gen, disc, loader, device="cuda", lr=0.0002, beta1=0.5, beta2=0.999, latent_dim=100, config=None):
        self.gen = gen.to(device)
        self.disc = disc.to(device)
        self.loader = loader
        self.device = device
        self.latent_dim = latent_dim
        self.config = config or {}

        ratio = self.config.get("optimization", {}).get("compression_ratio", 1.0)
        if ratio < 1.0:
            self.gen = compress_model(self.gen, ratio)
            self.disc = compress_model(self.disc, ratio)

        self.opt_g = optim.Adam(self.gen.parameters(), lr=lr, betas=(beta1, beta2))
        self.opt_d = optim.Adam(self.disc.parameters(), lr=lr, betas=(beta1, beta2))

        self.criterion = nn.BCEWithLogitsLoss()

        self.hist_g = []
        self.hist_d = []
        self.hist_real = []
        self.hist_fake = []

        self.writer = SummaryWriter("logs/gan_training")
        self.ckpt_dir = "outputs/checkpoints"
        os.makedirs(self.ckpt_dir, exist_ok=True)
        self.fixed_noise = torch.randn(64, latent_dim, device=device)

    def train_step(self, real):
        n = real.size(0)
        real = real.to(self.device)

        ones = torch.ones(n, 1, device=self.device)
        zeros = torch.zeros(n, 1, device=self.device)

        # discriminator
        self.opt_d.zero_grad()
        out_real = self.disc(real)
        loss_real = self.criterion(out_real, ones)

        z = torch.randn(n, self.latent_dim, device=self.device)
        fake = self.gen(z)
        out_fake = self.disc(fake.detach())
        loss_fake = self.criterion(out_fake, zeros)

        loss_d = loss_real + loss_fake
        loss_d.backward()
        self.opt_d.step()

        # generator
        self.opt_g.zero_grad()
        out_fake = self.disc(fake)
        loss_g = self.criterion(out_fake, ones)
        loss_g.backward()
        self.opt_g.step()

        # scores for monitoring
        score_real = torch.sigmoid(out_real).mean().item()
        score_fake = torch.sigmoid(out_fake).mean().item()

        return {
            "g_loss": loss_g.item(),
            "d_loss": loss_d.item(),
            "real_score": score_real,
            "fake_score": score_fake,
        }

    def train(self, num_epochs, save_interval=20):
        t0 = time.time()
        for epoch in range(num_epochs):
            ep_g, ep_d, ep_real, ep_fake = [], [], [], []
            bar = tqdm(self.loader, desc=f"Epoch {epoch+1}/{num_epochs}")
            for step, real in enumerate(bar):
                res = self.train_step(real)
                ep_g.append(res["g_loss"])
                ep_d.append(res["d_loss"])
                ep_real.append(res["real_score"])
                ep_fake.append(res["fake_score"])
                bar.set_postfix({"G": f"{res['g_loss']:.4f}", "D": f"{res['d_loss']:.4f}"})

            mg, md = np.mean(ep_g), np.mean(ep_d)
            self.hist_g.append(mg)
            self.hist_d.append(md)
            self.hist_real.append(np.mean(ep_real))
            self.hist_fake.append(np.mean(ep_fake))
            self.writer.add_scalar("Loss/Generator", mg, epoch)
            self.writer.add_scalar("Loss/Discriminator", md, epoch)
            print(f"Epoch {epoch+1}: G {mg:.4f} D {md:.4f}")

            if (epoch + 1) % save_interval == 0:
                torch.save({"gen": self.gen.state_dict(), "disc": self.disc.state_dict()},
                           os.path.join(self.ckpt_dir, f"ckpt_{epoch+1}.pt"))
        self.writer.close()
        print(f"done in {(time.time() - t0) / 3600:.2f} h")
