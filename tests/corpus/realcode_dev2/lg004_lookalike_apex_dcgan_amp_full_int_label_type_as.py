"""look-alike [LG004]: apex's DCGAN example keeps label = torch.full((batch_size,), real_label) with real_label = 1 (int64), but converts it with label.type_as(output) at every BCEWithLogitsLoss call."""
# Source: https://github.com/NVIDIA/apex examples/dcgan/main_amp.py at 569a9cc5a98cceadc20767fffd36274326c37223
# (after the fix of issue #1039 "Cross Entropy Loss in DCGAN example throwing exception": "result type
# Float can't be cast to the desired output type Long"); re-typed, names changed, reduced (argument
# parsing, data set and generator left out).
import torch
import torch.nn as nn
import torch.optim as optim
from apex import amp


class Discriminator(nn.Module):
    def __init__(self, ngpu, nc=3, ndf=64):
        super().__init__()
        self.ngpu = ngpu
        self.main = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, 1, 4, 1, 0, bias=False),
        )

    def forward(self, input):
        if input.is_cuda and self.ngpu > 1:
            output = nn.parallel.data_parallel(self.main, input, range(self.ngpu))
        else:
            output = self.main(input)
        return output.view(-1, 1).squeeze(1)


device = torch.device("cuda:0")
netG = Generator(ngpu).to(device)
netD = Discriminator(ngpu).to(device)
criterion = nn.BCEWithLogitsLoss()
real_label = 1
fake_label = 0
optimizerD = optim.Adam(netD.parameters(), lr=opt.lr, betas=(opt.beta1, 0.999))
optimizerG = optim.Adam(netG.parameters(), lr=opt.lr, betas=(opt.beta1, 0.999))
[netD, netG], [optimizerD, optimizerG] = amp.initialize([netD, netG], [optimizerD, optimizerG], opt_level=opt.opt_level, num_losses=3)

for epoch in range(opt.niter):
    for i, data in enumerate(dataloader, 0):
        netD.zero_grad()
        real_cpu = data[0].to(device)
        batch_size = real_cpu.size(0)
        label = torch.full((batch_size,), real_label, device=device)
        output = netD(real_cpu)
        errD_real = criterion(output, label.type_as(output))
        with amp.scale_loss(errD_real, optimizerD, loss_id=0) as scaled:
            scaled.backward()

        noise = torch.randn(batch_size, nz, 1, 1, device=device)
        fake = netG(noise)
        label.fill_(fake_label)
        output = netD(fake.detach())
        errD_fake = criterion(output, label.type_as(output))
        with amp.scale_loss(errD_fake, optimizerD, loss_id=1) as scaled:
            scaled.backward()
        optimizerD.step()

        netG.zero_grad()
        label.fill_(real_label)
        output = netD(fake)
        errG = criterion(output, label.type_as(output))
        with amp.scale_loss(errG, optimizerG, loss_id=2) as scaled:
            scaled.backward()
        optimizerG.step()
