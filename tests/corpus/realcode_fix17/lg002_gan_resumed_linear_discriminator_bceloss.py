"""positive [LG002]: the GAN script's discriminator ends in nn.Linear (a commit had switched the criterion from BCEWithLogitsLoss to BCELoss), so BCELoss gets raw scores; the script may resume the discriminator from a whole pickled model given as a setting, one of those it saves with `torch.save(netD, ...)` every epoch (the fix appended nn.Sigmoid to the discriminator)."""

# Source: Lornatang/PyTorch@74abd5890d official/gan/gan/gan_cifar.py, fixed in 420cd51c77 (cut, renamed)
import argparse

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data
import torchvision.datasets as dset
import torchvision.transforms as transforms

parser = argparse.ArgumentParser()
parser.add_argument("--dataroot", required=True)
parser.add_argument("--batchSize", type=int, default=64)
parser.add_argument("--imageSize", type=int, default=32)
parser.add_argument("--nz", type=int, default=100)
parser.add_argument("--niter", type=int, default=100)
parser.add_argument("--cuda", action="store_true")
parser.add_argument("--ngpu", type=int, default=1)
parser.add_argument("--netG", default="")
parser.add_argument("--netD", default="")
parser.add_argument("--outf", default=".")
opt = parser.parse_args()

dataset = dset.CIFAR10(root=opt.dataroot, download=True, transform=transforms.Compose([transforms.Resize(opt.imageSize), transforms.ToTensor()]))
nc = 3
dataloader = torch.utils.data.DataLoader(dataset, batch_size=opt.batchSize, shuffle=True)
device = torch.device("cuda:0" if opt.cuda else "cpu")
ngpu = int(opt.ngpu)
nz = int(opt.nz)


class Generator(nn.Module):
    def __init__(self, gpus):
        super().__init__()
        self.ngpu = gpus
        self.main = nn.Sequential(nn.Linear(nz, 256), nn.LeakyReLU(0.2, inplace=True), nn.Linear(256, nc * opt.imageSize * opt.imageSize), nn.Tanh())

    def forward(self, inputs):
        if inputs.is_cuda and self.ngpu > 1:
            outputs = nn.parallel.data_parallel(self.main, inputs, range(self.ngpu))
        else:
            outputs = self.main(inputs)
        return outputs.view(outputs.size(0), *(nc, opt.imageSize, opt.imageSize))


class Discriminator(nn.Module):
    def __init__(self, gpus):
        super().__init__()
        self.ngpu = gpus
        self.main = nn.Sequential(
            nn.Linear(nc * opt.imageSize * opt.imageSize, 512),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(512, 256),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(256, 1),
        )

    def forward(self, inputs):
        inputs = inputs.view(inputs.size(0), -1)
        if inputs.is_cuda and self.ngpu > 1:
            outputs = nn.parallel.data_parallel(self.main, inputs, range(self.ngpu))
        else:
            outputs = self.main(inputs)
        return outputs


criterion = nn.BCELoss()
netD = Discriminator(ngpu)
netG = Generator(ngpu)
if opt.cuda:
    criterion.to(device)
    netD.to(device)
    netG.to(device)
if opt.netD and opt.netG != "":
    if torch.cuda.is_available():
        netD = torch.load(opt.netD)
        netG = torch.load(opt.netG)
    else:
        netD = torch.load(opt.netD, map_location="cpu")
        netG = torch.load(opt.netG, map_location="cpu")

optimizerD = optim.Adam(netD.parameters(), lr=0.0002, betas=(0.5, 0.999))
optimizerG = optim.Adam(netG.parameters(), lr=0.0002, betas=(0.5, 0.999))
Tensor = torch.cuda.FloatTensor if opt.cuda else torch.FloatTensor


def main():
    for epoch in range(opt.niter):
        for i, (data, _) in enumerate(dataloader):
            real_label = Tensor(data.size(0), 1).fill_(1.0)
            fake_label = Tensor(data.size(0), 1).fill_(0.0)
            data = data.to(device)

            netG.zero_grad()
            noise = Tensor(np.random.normal(0, 1, (data.shape[0], nz)))
            output = netG(noise)
            errG = criterion(netD(output), real_label)  # expect: LG002
            errG.backward()
            optimizerG.step()

            netD.zero_grad()
            real_loss = criterion(netD(data), real_label)  # expect: LG002
            fake_loss = criterion(netD(output.detach()), fake_label)  # expect: LG002
            errD = (real_loss + fake_loss) / 2
            errD.backward()
            optimizerD.step()
        torch.save(netG, f"{opt.outf}/netG_epoch_{epoch + 1}.pth")
        torch.save(netD, f"{opt.outf}/netD_epoch_{epoch + 1}.pth")


if __name__ == "__main__":
    main()
