"""look-alike [LG014, LG006]: a LightningModule with manual optimization (a GAN) calls manual_backward and opt.step(), with opt.zero_grad() in every training_step; Lightning runs the loop."""
import pytorch_lightning as pl
import torch
import torch.nn.functional as F


class WGANGP(pl.LightningModule):
    def __init__(self, generator, critic, z_dim=128, n_critic=5, gp_weight=10.0):
        super().__init__()
        self.automatic_optimization = False
        self.G = generator
        self.D = critic
        self.z_dim = z_dim
        self.n_critic = n_critic
        self.gp_weight = gp_weight

    def gradient_penalty(self, real, fake):
        eps = torch.rand(real.size(0), 1, 1, 1, device=real.device)
        mix = (eps * real + (1 - eps) * fake).requires_grad_(True)
        grads = torch.autograd.grad(self.D(mix).sum(), mix, create_graph=True)[0]
        return ((grads.flatten(1).norm(dim=1) - 1) ** 2).mean()

    def training_step(self, batch, batch_idx):
        opt_g, opt_d = self.optimizers()
        real, _ = batch
        z = torch.randn(real.size(0), self.z_dim, device=self.device)
        fake = self.G(z)

        opt_d.zero_grad()
        d_loss = self.D(fake.detach()).mean() - self.D(real).mean() + self.gp_weight * self.gradient_penalty(real, fake.detach())
        self.manual_backward(d_loss)
        opt_d.step()

        if batch_idx % self.n_critic == 0:
            opt_g.zero_grad()
            g_loss = -self.D(fake).mean()
            self.manual_backward(g_loss)
            opt_g.step()
            self.log("g_loss", g_loss, prog_bar=True)
        self.log("d_loss", d_loss, prog_bar=True)

    def configure_optimizers(self):
        return (
            torch.optim.Adam(self.G.parameters(), lr=1e-4, betas=(0.0, 0.9)),
            torch.optim.Adam(self.D.parameters(), lr=1e-4, betas=(0.0, 0.9)),
        )
