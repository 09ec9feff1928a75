"""part of positive project [LG003, LG004]: the training script builds the discriminator (wrapped in DataParallel on several GPUs, its weights restored from a state_dict when one exists) and trains it with BCEWithLogitsLoss, which applies a second sigmoid to its probabilities; its targets come from torch.full with the integer 1 or 0, an int64 tensor."""

# Source: Lornatang/DCGAN-PyTorch@6b36b6d83c main.py, fixed in b3153b2c2e (cut, renamed)
import argparse
import os

import torch
import torch.nn as nn
import torch.optim as optim

from model import Discriminator
from model import Generator

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=64)
parser.add_argument("--lr", type=float, default=0.0002)
parser.add_argument("--epochs", type=int, default=200)
parser.add_argument("--checkpoint_dir", default="./checkpoints")
opt = parser.parse_args()

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train(dataloader):
    if torch.cuda.device_count() > 1:
        netG = torch.nn.DataParallel(Generator())
    else:
        netG = Generator()
    if torch.cuda.device_count() > 1:
        netD = torch.nn.DataParallel(Discriminator())
    else:
        netD = Discriminator()
    if os.path.exists(f"{opt.checkpoint_dir}/D.pth"):
        netD.load_state_dict(torch.load(f"{opt.checkpoint_dir}/D.pth", map_location=lambda storage, loc: storage))
    netG.train()
    netG.to(device)
    netD.train()
    netD.to(device)

    criterion = nn.BCEWithLogitsLoss().to(device)
    optimizerD = optim.Adam(netD.parameters(), lr=opt.lr, betas=(0.5, 0.999))
    optimizerG = optim.Adam(netG.parameters(), lr=opt.lr, betas=(0.5, 0.999))

    for epoch in range(opt.epochs):
        for i, data in enumerate(dataloader):
            netD.zero_grad()
            real_data = data[0].to(device)
            batch_size = real_data.size(0)
            real_label = torch.full((batch_size,), 1, device=device)
            fake_label = torch.full((batch_size,), 0, device=device)

            output = netD(real_data).view(-1)
            errD_real = criterion(output, real_label)  # expect: LG003, LG004
            errD_real.backward()
            D_x = output.mean().item()

            noise = torch.randn(batch_size, 100, 1, 1, device=device)
            fake = netG(noise)
            output = netD(fake.detach()).view(-1)
            errD_fake = criterion(output, fake_label)  # expect: LG003, LG004
            errD_fake.backward()
            errD = errD_real + errD_fake
            optimizerD.step()

            netG.zero_grad()
            output = netD(fake).view(-1)
            errG = criterion(output, real_label)  # expect: LG003, LG004
            errG.backward()
            optimizerG.step()
            if i % 20 == 0:
                print(f"Loss_D: {errD.item():.4f} Loss_G: {errG.item():.4f} D(x): {D_x:.4f}")
