"""positive [LG004]: the GAN's labels are filled from the ints real_label = 1 and fake_label = 0, so torch.full gives an integer tensor that BCELoss gets as its target in all three losses (torch raises "Found dtype Long but expected Float")."""
# Source: AKASHKADEL/dcgan-mnist@d2a6200f1d (the base of pull request #2's 33012bb, "Make the labels float", which writes 1. and 0.) main.py (re-typed: the training loop; argument parsing, data loading and image saving cut; names kept)
import torch
import torch.nn as nn
import torch.optim as optim

from networks import Discriminator, Generator


def train(opt, train_loader, device):
    netG = Generator(opt.nc, opt.nz, opt.ngf).to(device)
    netD = Discriminator(opt.nc, opt.ndf).to(device)
    criterion = nn.BCELoss()
    optimizerD = optim.Adam(netD.parameters(), lr=opt.d_lr)
    optimizerG = optim.Adam(netG.parameters(), lr=opt.g_lr)
    real_label = 1
    fake_label = 0
    for epoch in range(opt.num_epochs):
        for i, (real_images, _) in enumerate(train_loader):
            bs = real_images.shape[0]
            netD.zero_grad()
            real_images = real_images.to(device)
            label = torch.full((bs,), real_label, device=device)
            output = netD(real_images)
            lossD_real = criterion(output, label)  # expect: LG004
            lossD_real.backward()
            noise = torch.randn(bs, opt.nz, 1, 1, device=device)
            fake_images = netG(noise)
            label.fill_(fake_label)
            output = netD(fake_images.detach())
            lossD_fake = criterion(output, label)  # expect: LG004
            lossD_fake.backward()
            lossD = lossD_real + lossD_fake
            optimizerD.step()
            netG.zero_grad()
            label.fill_(real_label)
            output = netD(fake_images)
            lossG = criterion(output, label)  # expect: LG004
            lossG.backward()
            optimizerG.step()
            if (i + 1) % 100 == 0:
                print(f"Epoch [{epoch + 1}/{opt.num_epochs}], d_loss: {lossD.item():.4f}, g_loss: {lossG.item():.4f}")
