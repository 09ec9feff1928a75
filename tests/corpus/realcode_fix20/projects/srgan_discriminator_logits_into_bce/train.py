"""part of positive project [LG002]: the adversarial stage scores the discriminator's raw outputs with nn.BCELoss for the discriminator and the generator (the fix uses nn.BCEWithLogitsLoss)."""

# Source: Lornatang/SSRGAN-PyTorch@3a8f4bc4e6 train.py, fixed in b05feccbb6 (cut, renamed)
import torch
import torch.nn as nn
from tqdm import tqdm

from srgen import Generator, VGGLoss, args, dataloader, device
from srlib import VGGStyleDiscriminator

netD = VGGStyleDiscriminator().to(device)
netG = Generator(upscale_factor=args.upscale_factor, block=args.block).to(device)

vgg_criterion = VGGLoss().to(device)
mse_criterion = nn.MSELoss().to(device)
adversarial_criterion = nn.BCELoss().to(device)

epochs = int(args.iters // len(dataloader))
optimizerD = torch.optim.Adam(netD.parameters(), lr=args.lr)
optimizerG = torch.optim.Adam(netG.parameters(), lr=args.lr)

for epoch in range(args.start_epoch, epochs):
    progress_bar = tqdm(enumerate(dataloader), total=len(dataloader))
    g_avg_loss = 0.
    d_avg_loss = 0.
    for i, (input, target) in progress_bar:
        lr = input.to(device)
        hr = target.to(device)
        batch_size = lr.size(0)
        real_label = torch.full((batch_size, 1), 1, dtype=lr.dtype, device=device)
        fake_label = torch.full((batch_size, 1), 0, dtype=lr.dtype, device=device)

        netD.zero_grad()
        sr = netG(lr)
        hr_output = netD(hr)
        errD_hr = adversarial_criterion(hr_output, real_label)  # expect: LG002
        errD_hr.backward()
        sr_output = netD(sr.detach())
        errD_sr = adversarial_criterion(sr_output, fake_label)  # expect: LG002
        errD_sr.backward()
        errD = errD_hr + errD_sr
        optimizerD.step()

        netG.zero_grad()
        content_loss = vgg_criterion(sr, hr)
        sr_output = netD(sr)
        adversarial_loss = adversarial_criterion(sr_output, real_label)  # expect: LG002
        errG = content_loss + 1e-3 * adversarial_loss
        errG.backward()
        optimizerG.step()

        d_avg_loss += errD.item()
        g_avg_loss += errG.item()
