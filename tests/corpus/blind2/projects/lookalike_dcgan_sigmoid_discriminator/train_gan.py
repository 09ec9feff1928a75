"""part of look-alike project [LG002, LG004, LG006, LG016]: BCELoss on the sigmoid discriminator, float real/fake labels from torch.full, losses logged with .item()."""
import torch
import torch.nn as nn
import torch.optim as optim

from models import Generator, build_discriminator, nz, weights_init


def train(dataloader, num_epochs=25, device="cuda"):
    netG = Generator().to(device)
    netD = build_discriminator().to(device)
    netG.apply(weights_init)
    netD.apply(weights_init)
    criterion = nn.BCELoss()
    optimizerD = optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
    optimizerG = optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
    real_label, fake_label = 1.0, 0.0
    G_losses, D_losses = [], []
    for epoch in range(num_epochs):
        for i, (real, _) in enumerate(dataloader):
            netD.zero_grad()
            real = real.to(device)
            b_size = real.size(0)
            label = torch.full((b_size,), real_label, dtype=torch.float, device=device)
            errD_real = criterion(netD(real), label)
            errD_real.backward()
            noise = torch.randn(b_size, nz, 1, 1, device=device)
            fake = netG(noise)
            label.fill_(fake_label)
            errD_fake = criterion(netD(fake.detach()), label)
            errD_fake.backward()
            errD = errD_real + errD_fake
            optimizerD.step()

            netG.zero_grad()
            label.fill_(real_label)
            errG = criterion(netD(fake), label)
            errG.backward()
            optimizerG.step()

            G_losses.append(errG.item())
            D_losses.append(errD.item())
    return G_losses, D_losses
