"""part of positive project [LG003]: the relativistic-average GAN stage feeds nn.BCEWithLogitsLoss the difference between the discriminator's sigmoid probabilities for real and generated images (hr_output - mean(sr_output) and the reverse), four times; the loss applies a second sigmoid to values already squashed into (-1, 1)."""
# Source: Lornatang/RFB_ESRGAN-PyTorch at 832abf77 (read as is), train.py; re-typed, identifiers renamed; the
# argparse options other than the ones used, the output folders, the checkpoint resumption, the image saving, the
# CSV logging and the schedulers cut; the PSNR pre-training stage shortened to its loop.
import argparse
import os
import random

import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data
from tqdm import tqdm

from rfb_esrgan_pytorch import DatasetFromFolder
from rfb_esrgan_pytorch import Discriminator
from rfb_esrgan_pytorch import Generator
from rfb_esrgan_pytorch import VGG34Loss
from rfb_esrgan_pytorch import init_torch_seeds
from rfb_esrgan_pytorch import select_device

parser = argparse.ArgumentParser()
parser.add_argument("--dataroot", type=str, default="./data")
parser.add_argument("-j", "--workers", default=4, type=int)
parser.add_argument("--psnr-iters", default=1e6, type=int)
parser.add_argument("--iters", default=4e5, type=int)
parser.add_argument("-b", "--batch-size", default=16, type=int)
parser.add_argument("--psnr-lr", type=float, default=2e-4)
parser.add_argument("--lr", type=float, default=1e-4)
parser.add_argument("--upscale-factor", type=int, default=4, choices=[2, 4])
parser.add_argument("--manualSeed", type=int, default=10000)
parser.add_argument("--device", default="")
args = parser.parse_args()

random.seed(args.manualSeed)
init_torch_seeds(args.manualSeed)
device = select_device(args.device, batch_size=args.batch_size)
dataset = DatasetFromFolder(input_dir=f"{args.dataroot}/{args.upscale_factor}x/train/input",
                            target_dir=f"{args.dataroot}/{args.upscale_factor}x/train/target")
dataloader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, pin_memory=True,
                                         num_workers=int(args.workers))

netG = Generator(upscale_factor=args.upscale_factor).to(device)
netD = Discriminator().to(device)
psnr_epochs = int(args.psnr_iters // len(dataloader))
optimizer = optim.Adam(netG.parameters(), lr=args.psnr_lr, betas=(0.9, 0.99))

vgg_criterion = VGG34Loss().to(device)
content_criterion = nn.L1Loss().to(device)
adversarial_criterion = nn.BCEWithLogitsLoss().to(device)

netG.train()
netD.train()

if not os.path.exists(f"./weight/RFDBNet_PSNR_{args.upscale_factor}x.pth"):
    for epoch in range(psnr_epochs):
        avg = 0.
        for i, (inp, target) in tqdm(enumerate(dataloader), total=len(dataloader)):
            netG.zero_grad()
            lr_img = inp.to(device)
            hr_img = target.to(device)
            sr_img = netG(lr_img)
            l1 = content_criterion(sr_img, hr_img)
            l1.backward()
            optimizer.step()
            avg += l1.item()
    torch.save(netG.state_dict(), f"./weight/RFDBNet_PSNR_{args.upscale_factor}x.pth")
else:
    netG.load_state_dict(torch.load(f"./weight/RFDBNet_PSNR_{args.upscale_factor}x.pth", map_location=device))

epochs = int(args.iters // len(dataloader))
optimizerD = optim.Adam(netD.parameters(), lr=args.lr, betas=(0.9, 0.99))
optimizerG = optim.Adam(netG.parameters(), lr=args.lr, betas=(0.9, 0.99))

for epoch in range(epochs):
    g_avg, d_avg = 0., 0.
    for i, (inp, target) in tqdm(enumerate(dataloader), total=len(dataloader)):
        lr_img = inp.to(device)
        hr_img = target.to(device)
        n = lr_img.size(0)
        real_label = torch.full((n, 1), 1, dtype=lr_img.dtype, device=device)
        fake_label = torch.full((n, 1), 0, dtype=lr_img.dtype, device=device)

        netG.zero_grad()
        sr_img = netG(lr_img)
        perceptual = vgg_criterion(sr_img, hr_img)
        hr_out = netD(hr_img.detach())
        sr_out = netD(sr_img)
        errG_hr = adversarial_criterion(hr_out - torch.mean(sr_out), fake_label)  # expect: LG003
        errG_sr = adversarial_criterion(sr_out - torch.mean(hr_out), real_label)  # expect: LG003
        adversarial = (errG_hr + errG_sr) / 2
        l1 = content_criterion(sr_img, hr_img)
        errG = perceptual + 0.005 * adversarial + 0.1 * l1
        errG.backward()
        optimizerG.step()

        netD.zero_grad()
        hr_out = netD(hr_img)
        sr_out = netD(sr_img.detach())
        errD_hr = adversarial_criterion(hr_out - torch.mean(sr_out), real_label)  # expect: LG003
        errD_sr = adversarial_criterion(sr_out - torch.mean(hr_out), fake_label)  # expect: LG003
        errD = (errD_sr + errD_hr) / 2
        errD.backward()
        optimizerD.step()

        d_avg += errD.item()
        g_avg += errG.item()
