"""positive [LG003, LG004]: the DCGAN script's discriminator ends in nn.Sigmoid and is trained with BCEWithLogitsLoss; when a checkpoint path is given, the script resumes the discriminator from a whole pickled model (`torch.load(opt.netD)`), one of those it saves with `torch.save(netD, ...)` every epoch; its targets come from torch.full with the integer 1 or 0, an int64 tensor."""

# Source: Lornatang/PyTorch@a5d9467129 official/gan/dcgan/dcgan.py, fixed in 0700a8475d (cut, renamed)
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data
import torchvision.datasets as dset
import torchvision.transforms as transforms

parser = argparse.ArgumentParser()
parser.add_argument("--dataroot", required=True)
parser.add_argument("--batchSize", type=int, default=64)
parser.add_argument("--niter", type=int, default=100)
parser.add_argument("--ngpu", type=int, default=1)
parser.add_argument("--netG", default="")
parser.add_argument("--netD", default="")
parser.add_argument("--outf", default=".")
opt = parser.parse_args()

dataset = dset.CIFAR10(root=opt.dataroot, download=True, transform=transforms.Compose([transforms.Resize(64), transforms.ToTensor()]))
dataloader = torch.utils.data.DataLoader(dataset, batch_size=opt.batchSize, shuffle=True)
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
ngpu = int(opt.ngpu)
nz = 100


class Generator(nn.Module):
    def __init__(self, gpus):
        super().__init__()
        self.ngpu = gpus
        self.main = nn.Sequential(nn.ConvTranspose2d(nz, 512, 4, 1, 0, bias=False), nn.ReLU(True), nn.ConvTranspose2d(512, 3, 4, 2, 1), nn.Tanh())

    def forward(self, inputs):
        if inputs.is_cuda and self.ngpu > 1:
            outputs = nn.parallel.data_parallel(self.main, inputs, range(self.ngpu))
        else:
            outputs = self.main(inputs)
        return outputs


class Discriminator(nn.Module):
    def __init__(self, gpus):
        super().__init__()
        self.ngpu = gpus
        self.main = nn.Sequential(
            nn.Conv2d(3, 64, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(64, 1, 4, 1, 0, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, inputs):
        if inputs.is_cuda and self.ngpu > 1:
            outputs = nn.parallel.data_parallel(self.main, inputs, range(self.ngpu))
        else:
            outputs = self.main(inputs)
        return outputs.view(-1, 1).squeeze(1)


netD = Discriminator(ngpu).to(device)
netG = Generator(ngpu).to(device)
if opt.netD and opt.netG != "":
    if torch.cuda.is_available():
        netD = torch.load(opt.netD)
        netG = torch.load(opt.netG)
    else:
        netD = torch.load(opt.netD, map_location="cpu")
        netG = torch.load(opt.netG, map_location="cpu")

criterion = nn.BCEWithLogitsLoss()
real_label = 1
fake_label = 0
optimizerD = optim.Adam(netD.parameters(), lr=0.0002, betas=(0.5, 0.999))
optimizerG = optim.Adam(netG.parameters(), lr=0.0002, betas=(0.5, 0.999))


def main():
    for epoch in range(opt.niter):
        for i, data in enumerate(dataloader, 0):
            netD.zero_grad()
            img = data[0].to(device)
            batch_size = img.size(0)
            label = torch.full((batch_size,), real_label, device=device)
            output = netD(img)
            errD_real = criterion(output, label)  # expect: LG003, LG004
            errD_real.backward()

            noise = torch.randn(batch_size, nz, 1, 1, device=device)
            fake = netG(noise)
            label.fill_(fake_label)
            output = netD(fake.detach())
            errD_fake = criterion(output, label)  # expect: LG003, LG004
            errD_fake.backward()
            optimizerD.step()

            netG.zero_grad()
            label.fill_(real_label)
            output = netD(fake)
            errG = criterion(output, label)  # expect: LG003, LG004
            errG.backward()
            optimizerG.step()
        torch.save(netG, f"{opt.outf}/netG_epoch_{epoch + 1}.pth")
        torch.save(netD, f"{opt.outf}/netD_epoch_{epoch + 1}.pth")


if __name__ == "__main__":
    main()
