"""look-alike [LG018]: a CycleGAN step freezes both discriminators and clears both optimizers before the generators' loss, then unfreezes them and clears both again before the discriminators' loss: each optimizer steps on its own loss alone."""

# Source: axeloh/gan-pytorch@e73cef7741 cyclegan/cyclegan.py (cut, renamed)
import itertools

import torch


class CycleGAN:
    def __init__(self, g_ab, g_ba, d_a, d_b, lr=2e-4, lambda1=10.0, lambda2=10.0):
        self.g_ab, self.g_ba, self.d_a, self.d_b = g_ab, g_ba, d_a, d_b
        self.lambda1, self.lambda2 = lambda1, lambda2
        self.g_optim = torch.optim.Adam(itertools.chain(g_ab.parameters(), g_ba.parameters()), lr=lr)
        self.d_optim = torch.optim.Adam(itertools.chain(d_a.parameters(), d_b.parameters()), lr=lr)

    def set_requires_grad(self, nets, requires_grad):
        for net in nets:
            for p in net.parameters():
                p.requires_grad = requires_grad

    def reset_grad(self):
        self.g_optim.zero_grad()
        self.d_optim.zero_grad()

    def train_step(self, a_real, b_real):
        self.set_requires_grad([self.d_a, self.d_b], False)
        self.reset_grad()
        b_fake = self.g_ab(a_real)
        a_recon = self.g_ba(b_fake)
        a_fake = self.g_ba(b_real)
        b_recon = self.g_ab(a_fake)
        g_loss = torch.mean((self.d_b(b_fake) - 1) ** 2) + torch.mean((self.d_a(a_fake) - 1) ** 2)
        g_loss = g_loss + torch.mean((a_recon - a_real).abs()) * self.lambda1 + torch.mean((b_recon - b_real).abs()) * self.lambda2
        g_loss.backward()
        self.g_optim.step()

        self.set_requires_grad([self.d_a, self.d_b], True)
        self.reset_grad()
        b_fake = self.g_ab(a_real)
        a_fake = self.g_ba(b_real)
        d_a_loss = torch.mean((self.d_a(a_real) - 1) ** 2 + self.d_a(a_fake) ** 2)
        d_b_loss = torch.mean((self.d_b(b_real) - 1) ** 2 + self.d_b(b_fake) ** 2)
        d_loss = d_a_loss + d_b_loss
        d_loss.backward()
        self.d_optim.step()
        return d_loss.item(), g_loss.item()

    def train(self, loader, n_epochs):
        for epoch in range(n_epochs):
            for a_real, b_real in loader:
                self.train_step(a_real, b_real)
