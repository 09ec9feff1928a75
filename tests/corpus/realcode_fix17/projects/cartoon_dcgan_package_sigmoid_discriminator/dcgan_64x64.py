"""part of positive project [LG003, LG004]: the 64x64 cartoon DCGAN script imports its discriminator from the model package and trains it with BCEWithLogitsLoss on its sigmoid output; its targets come from torch.full with the integer 1 or 0, an int64 tensor (the fix switched to BCELoss; the 128x128 script had the same lines and the same fix one commit later)."""

# Source: Lornatang/Deep-learning-with-cartoon@e241933a69 dcgan_64x64.py, fixed in f840084441 (cut, renamed)
import argparse
import os

import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data
import torchvision.datasets as dset
import torchvision.transforms as transforms

from model.dcgan_64x64 import Discriminator
from model.dcgan_64x64 import Generator

parser = argparse.ArgumentParser()
parser.add_argument("--dataroot", type=str, default="./datasets/cartoon")
parser.add_argument("--batch_size", type=int, default=64)
parser.add_argument("--lr", type=float, default=0.0002)
parser.add_argument("--niter", type=int, default=25)
opt = parser.parse_args()

dataset = dset.ImageFolder(root=opt.dataroot, transform=transforms.Compose([transforms.Resize(64), transforms.ToTensor()]))
dataloader = torch.utils.data.DataLoader(dataset, batch_size=opt.batch_size, shuffle=True)
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


def train():
    if torch.cuda.device_count() > 1:
        netG = torch.nn.DataParallel(Generator())
    else:
        netG = Generator()
    if torch.cuda.device_count() > 1:
        netD = torch.nn.DataParallel(Discriminator())
    else:
        netD = Discriminator()
    if os.path.exists("./checkpoints/dcgan_64x64_D.pth"):
        netD.load_state_dict(torch.load("./checkpoints/dcgan_64x64_D.pth", map_location=lambda storage, loc: storage))
    netG.train()
    netG.to(device)
    netD.train()
    netD.to(device)

    criterion = nn.BCEWithLogitsLoss()
    optimizerD = optim.Adam(netD.parameters(), lr=opt.lr, betas=(0.5, 0.999))
    optimizerG = optim.Adam(netG.parameters(), lr=opt.lr, betas=(0.5, 0.999))

    for epoch in range(opt.niter):
        for i, data in enumerate(dataloader):
            netD.zero_grad()
            real_data = data[0].to(device)
            batch_size = real_data.size(0)
            real_label = torch.full((batch_size,), 1, device=device)
            fake_label = torch.full((batch_size,), 0, device=device)

            output = netD(real_data).view(-1)
            errD_real = criterion(output, real_label)  # expect: LG003, LG004
            errD_real.backward()

            noise = torch.randn(batch_size, 100, 1, 1, device=device)
            fake = netG(noise)
            output = netD(fake.detach()).view(-1)
            errD_fake = criterion(output, fake_label)  # expect: LG003, LG004
            errD_fake.backward()
            optimizerD.step()

            netG.zero_grad()
            output = netD(fake).view(-1)
            errG = criterion(output, real_label)  # expect: LG003, LG004
            errG.backward()
            optimizerG.step()
        torch.save(netG.state_dict(), "./checkpoints/dcgan_64x64_G.pth")
        torch.save(netD.state_dict(), "./checkpoints/dcgan_64x64_D.pth")


if __name__ == "__main__":
    train()
