"""positive [LG004]: the DCGAN trainer fills its labels with torch.full((batch_size,), real_label) where real_label = 1 is an int, so the labels are torch.long (PyTorch >= 1.5); fill_() keeps the dtype for the three nn.BCELoss calls."""
# Source: shivamswarnkar/Image-Generator@296f2f0c07237a44e640aa4de09a53bb07037826 DCGAN/train.py (the parent of 55b6d06 "fix type error for torch>=1.5", which writes real_label = 1.0 and fake_label = 0.0; its issue #1 quotes "Found dtype Long but expected Float"; re-typed with spaces for the tabs, identifiers renamed, checkpoint saving shortened)
from utils.data import create_data_loader
from utils.weights import weights_init
from generator import Generator
from discriminator import Discriminator

import torch
import torch.nn as nn
import torch.optim as optim

import torchvision.utils as vutils


def train_gan(args):
    loader = create_data_loader(args)
    device = torch.device('cuda:0' if (torch.cuda.is_available() and args.ngpu > 0) else 'cpu')

    gen = Generator(args).to(device)
    if device.type == 'cuda' and args.ngpu > 1:
        gen = nn.DataParallel(gen, list(range(args.ngpu)))
    if args.netG:
        gen.load_state_dict(torch.load(args.netG))
    else:
        gen.apply(weights_init)

    disc = Discriminator(args).to(device)
    if device.type == 'cuda' and args.ngpu > 1:
        disc = nn.DataParallel(disc, list(range(args.ngpu)))
    if args.netD:
        disc.load_state_dict(torch.load(args.netD))
    else:
        disc.apply(weights_init)

    criterion = nn.BCELoss()
    opt_g = optim.Adam(gen.parameters(), lr=args.lr, betas=(args.beta1, 0.999))
    opt_d = optim.Adam(disc.parameters(), lr=args.lr, betas=(args.beta1, 0.999))
    fixed_noise = torch.randn(64, args.nz, 1, 1, device=device)

    real_label = 1
    fake_label = 0

    img_list = []
    g_losses = []
    d_losses = []
    iters = 0

    for e in range(args.num_epochs):
        for i, data in enumerate(loader, 0):
            disc.zero_grad()
            real = data[0].to(device)
            bs = real.size(0)
            labels = torch.full((bs,), real_label, device=device)
            out_real = disc(real).view(-1)
            err_real = criterion(out_real, labels)  # expect: LG004
            err_real.backward()
            d_x = out_real.mean().item()

            noise = torch.randn(bs, args.nz, 1, 1, device=device)
            fake = gen(noise)
            labels.fill_(fake_label)
            out_fake = disc(fake.detach()).view(-1)
            err_fake = criterion(out_fake, labels)  # expect: LG004
            err_fake.backward()
            d_g_z1 = out_fake.mean().item()
            err_d = err_real + err_fake
            opt_d.step()

            gen.zero_grad()
            labels.fill_(real_label)
            out_gen = disc(fake).view(-1)
            err_g = criterion(out_gen, labels)  # expect: LG004
            err_g.backward()
            d_g_z2 = out_gen.mean().item()
            opt_g.step()

            if i % 500 == 0:
                print(f'[{e + 1}/{args.num_epochs}][{i + 1}/{len(loader)}] Loss_D:{err_d.item():.4f} Loss_G:{err_g.item():.4f}')
            g_losses.append(err_g.item())
            d_losses.append(err_d.item())
            if (iters % 500 == 0) or ((e == args.num_epochs - 1) and (i == len(loader) - 1)):
                with torch.no_grad():
                    sample = gen(fixed_noise).detach().cpu()
                    img_list.append(vutils.make_grid(sample, padding=2, normalize=True))
            iters += 1

    torch.save(gen.state_dict(), args.outputG)
    torch.save(disc.state_dict(), args.outputD)
    return img_list, g_losses, d_losses
