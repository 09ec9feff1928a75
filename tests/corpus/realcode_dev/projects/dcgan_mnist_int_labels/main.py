"""part of positive project [LG004]: inside main(), real_label = 1 / fake_label = 0 are ints; label = torch.full((bs,), real_label) is int64 and nn.BCELoss gets it for the real, fake and generator terms."""
# Source: https://github.com/AKASHKADEL/dcgan-mnist main.py at d2a6200f1df56817e53fbba4b05f0c749d8c1e05 (pull request
# #2: "RuntimeError: Found dtype Long but expected Float"); re-typed, names changed, reduced.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
from networks import Discriminator, Generator
from utils import get_data_loader


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--num-epochs", type=int, default=100)
    parser.add_argument("--nc", type=int, default=1)
    parser.add_argument("--nz", type=int, default=100)
    parser.add_argument("--ndf", type=int, default=32)
    parser.add_argument("--ngf", type=int, default=32)
    parser.add_argument("--d-lr", type=float, default=0.0002)
    parser.add_argument("--g-lr", type=float, default=0.0002)
    opt = parser.parse_args()
    train_loader = get_data_loader(128)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
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
            optimizerD.step()
            netG.zero_grad()
            label.fill_(real_label)
            output = netD(fake_images)
            lossG = criterion(output, label)  # expect: LG004
            lossG.backward()
            optimizerG.step()


if __name__ == "__main__":
    main()
