"""part of positive project [LG005]: the DCGAN training function scores the discriminator's (64, 1, 1, 1) output against a (64,) FloatTensor label with nn.BCELoss in all three terms; BCELoss refuses targets of another size (ValueError, checked on torch 2.13), so training stops at the first batch. main() currently calls only test(), with train() commented out."""
# Source: Jarlonyan/pytorch_learning at 89868b82 (read as is), gan_network/main.py; re-typed, identifiers renamed; the
# logging setup shortened and the test function's image display cut.
import argparse
import logging

import torch
import torch.nn as nn
import torchvision
import torchvision.utils
from torchvision.utils import save_image

import conf
from model import Disc, Gen

log = logging.getLogger(__name__)
log.setLevel(level=logging.INFO)
log.addHandler(logging.FileHandler('output.log'))

tf = torchvision.transforms.Compose([
    torchvision.transforms.Resize(conf.image_size),
    torchvision.transforms.ToTensor(),
    torchvision.transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
])


def train():
    data = torchvision.datasets.ImageFolder(conf.data_path, transform=tf)
    loader = torch.utils.data.DataLoader(dataset=data, batch_size=conf.batch_size, shuffle=True, drop_last=True)
    G = Gen(conf.ngf, conf.nz)
    D = Disc(conf.ndf)
    bce = nn.BCELoss()
    opt_g = torch.optim.Adam(G.parameters(), lr=conf.lr, betas=(conf.beta1, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=conf.lr, betas=(conf.beta1, 0.999))
    label = torch.FloatTensor(conf.batch_size)
    REAL = 1
    FAKE = 0
    for epoch in range(1, conf.epoch + 1):
        for i, (imgs, _) in enumerate(loader):
            opt_d.zero_grad()
            out = D(imgs)
            label.data.fill_(REAL)
            err_real = bce(out, label)  # expect: LG005
            err_real.backward()
            label.data.fill_(FAKE)
            noise = torch.randn(conf.batch_size, conf.nz, 1, 1)
            fake = G(noise)
            out = D(fake.detach())
            err_fake = bce(out, label)  # expect: LG005
            err_fake.backward()
            err_d = err_fake + err_real
            opt_d.step()

            opt_g.zero_grad()
            label.data.fill_(REAL)
            out = D(fake)
            err_g = bce(out, label)  # expect: LG005
            err_g.backward()
            opt_g.step()
            if i % 4 == 0:
                log.info("epoch={}, i={}, errD={}, errG={}".format(epoch, i, err_d, err_g))
        save_image(fake.data, '%s/fake_samples_epoch_%03d.png' % (conf.checkpoints, epoch), normalize=True)
        torch.save(G.state_dict(), '%s/netG_%03d.pth' % (conf.checkpoints, epoch))
        torch.save(D.state_dict(), '%s/netD_%03d.pth' % (conf.checkpoints, epoch))


def test():
    G = Gen(conf.batch_size, conf.nz)
    G.load_state_dict(torch.load('checkpoints/netG_013.pth'))
    for i in range(1):
        noise = torch.randn(conf.batch_size, conf.nz, 1, 1)
        fake = G(noise)
        save_image(fake.data, './checkpoints/hehe.png')


def main():
    # train()
    test()


if __name__ == "__main__":
    main()
