"""part of look-alike project [LG005]: the faces DCGAN's training script: images of an ImageFolder through Resize, CenterCrop and ToTensor, batched by a DataLoader, scored by the discriminator (one score per image) against a (N,) label in nn.BCELoss, for real and generated images."""
# Source: r1Way/DCGAN-PyTorch at 0f86aa2c (read as is), main.py; re-typed, identifiers renamed; the argparse options cut
# to those used, the seeding, checkpoint loading, progress bar, timing and CSV loss log cut.
import argparse

import torch
import torchvision.utils
from torchvision import transforms

from netd import Critic
from netg import Maker


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataroot', default='./faces/faces')
    parser.add_argument('--batch_size', type=int, default=128)
    parser.add_argument('--nz', type=int, default=100)
    parser.add_argument('--width', type=int, default=64)
    parser.add_argument('--nepoch', type=int, default=10)
    parser.add_argument('--lr', type=float, default=0.0002)
    parser.add_argument('--gpus', type=int, default=1)
    parser.add_argument('--cuda', action='store_true')
    opt = parser.parse_args()
    device = torch.device("cuda:0" if opt.cuda else "cpu")
    size = 64
    tf = transforms.Compose([
        transforms.Resize(size),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
    ])
    faces = torchvision.datasets.ImageFolder(root=opt.dataroot, transform=tf)
    loader = torch.utils.data.DataLoader(faces, batch_size=opt.batch_size, shuffle=True, num_workers=2)

    gen = Maker(nz=opt.nz, width=opt.width, channels=3, gpus=opt.gpus).to(device)
    disc = Critic(channels=3, width=opt.width, gpus=opt.gpus).to(device)
    bce = torch.nn.BCELoss()
    opt_g = torch.optim.Adam(gen.parameters(), lr=opt.lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(disc.parameters(), lr=opt.lr, betas=(0.5, 0.999))
    fixed = torch.randn(opt.batch_size, opt.nz, 1, 1, device=device)
    REAL, FAKE = 1, 0

    for epoch in range(opt.nepoch):
        for i, batch in enumerate(loader, 0):
            disc.zero_grad()
            real = batch[0].to(device)
            n = real.size(0)
            target = torch.full((n,), REAL, device=device, dtype=torch.float)
            out = disc(real)
            err_real = bce(out, target)
            err_real.backward()
            d_x = out.mean().item()

            noise = torch.randn(n, opt.nz, 1, 1, device=device)
            fake = gen(noise)
            target.fill_(FAKE)
            out = disc(fake.detach())
            err_fake = bce(out, target)
            err_fake.backward()
            d_gz1 = out.mean().item()
            err_d = err_real + err_fake
            opt_d.step()

            gen.zero_grad()
            target.fill_(REAL)
            out = disc(fake)
            err_g = bce(out, target)
            err_g.backward()
            d_gz2 = out.mean().item()
            opt_g.step()

            print('[%d/%d][%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f D(G(z)): %.4f / %.4f'
                  % (epoch, opt.nepoch, i, err_d.item(), err_g.item(), d_x, d_gz1, d_gz2))
            if i % 100 == 0:
                torchvision.utils.save_image(real, 'real_samples.png', normalize=True)
                sample = gen(fixed)
                torchvision.utils.save_image(sample.detach(), 'fake_samples_epoch_%03d.png' % epoch, normalize=True)


if __name__ == '__main__':
    main()
