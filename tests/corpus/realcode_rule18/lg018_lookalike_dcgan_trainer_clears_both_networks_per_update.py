"""look-alike [LG018]: a DCGAN trainer's generator update clears both networks before the generator's loss (which goes through the discriminator), and the discriminator's update clears the discriminator before its own loss on detached fakes: no optimizer steps on another network's gradients."""

# Source: joeylitalien/celeba-gan-pytorch@ce8cb8fbd3 src/dcgan.py (cut, renamed)
import torch
import torch.nn.functional as F
from torch import optim


class DCGANTrainer:
    def __init__(self, gen, disc, latent_dim, batch_size):
        self.G = gen
        self.D = disc
        self.latent_dim = latent_dim
        self.batch_size = batch_size
        self.y_real = torch.ones(batch_size)
        self.y_fake = torch.zeros(batch_size)

    def create_latent_var(self, batch_size):
        return torch.randn(batch_size, self.latent_dim)

    def train_G(self, G_optimizer):
        self.G.zero_grad()
        self.D.zero_grad()
        z = self.create_latent_var(self.batch_size)
        fake_imgs = self.G(z)
        D_out_fake = self.D(fake_imgs)
        G_train_loss = F.binary_cross_entropy_with_logits(D_out_fake, self.y_real)
        G_train_loss.backward()
        G_optimizer.step()
        return G_train_loss.item()

    def train_D(self, x, D_optimizer):
        self.D.zero_grad()
        D_out_real = self.D(x)
        z = self.create_latent_var(self.batch_size)
        fake_imgs = self.G(z).detach()
        D_out_fake = self.D(fake_imgs)
        D_real_loss = F.binary_cross_entropy_with_logits(D_out_real, self.y_real)
        D_fake_loss = F.binary_cross_entropy_with_logits(D_out_fake, self.y_fake)
        D_train_loss = D_real_loss + D_fake_loss
        D_train_loss.backward()
        D_optimizer.step()
        return D_train_loss.item(), fake_imgs

    def train(self, loader, n_epochs, lr=2e-4):
        G_optimizer = optim.Adam(self.G.parameters(), lr=lr, betas=(0.5, 0.999))
        D_optimizer = optim.Adam(self.D.parameters(), lr=lr, betas=(0.5, 0.999))
        for epoch in range(n_epochs):
            for x, _ in loader:
                D_loss, _ = self.train_D(x, D_optimizer)
                G_loss = self.train_G(G_optimizer)
                print(epoch, D_loss, G_loss)
