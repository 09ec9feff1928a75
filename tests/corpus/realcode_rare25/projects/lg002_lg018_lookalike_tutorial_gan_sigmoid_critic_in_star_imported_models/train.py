"""part of look-alike project [LG002, LG018]: the training script star-imports the networks, so `nn.BCELoss` gets the sigmoid critic's probabilities; the generator's loss back-propagates through the discriminator, whose optimizer is cleared right before the discriminator's own `backward()`."""

# Source: luohaohaoluo/pytorch-tutorial@b5fdb06 GAN/GAN/train.py (re-typed, renamed, cut to the training loop; the argument parser is left out)
import torch
from torch.utils.data import DataLoader
from torchvision import transforms
from torchvision.datasets import MNIST

from models import *


def main(opt, device):
    img_shape = torch.tensor((1, opt.img_size, opt.img_size))
    generator = Generator(opt.latent_dim, img_shape).to(device)
    discriminator = Discriminator(img_shape).to(device)
    data = MNIST(root="data/mnist", train=True, transform=transforms.Compose([transforms.ToTensor(), transforms.Normalize([0.5], [0.5])]))
    dataloader = DataLoader(dataset=data, batch_size=opt.batch_size, shuffle=True)

    adversarial_loss = torch.nn.BCELoss()
    optimizer_G = torch.optim.Adam(generator.parameters(), lr=opt.lr, betas=(opt.b1, opt.b2))
    optimizer_D = torch.optim.Adam(discriminator.parameters(), lr=opt.lr, betas=(opt.b1, opt.b2))

    for epoch in range(opt.n_epochs):
        for i, (imgs, _) in enumerate(dataloader):
            valid = torch.ones((imgs.size(0), 1), requires_grad=False).to(device)
            fake = torch.zeros((imgs.size(0), 1), requires_grad=False).to(device)
            real_imgs = imgs.to(device)

            optimizer_G.zero_grad()
            z = torch.rand((imgs.shape[0], opt.latent_dim)).to(device)
            gen_imgs = generator(z)
            g_loss = adversarial_loss(discriminator(gen_imgs), valid)
            g_loss.backward()
            optimizer_G.step()

            optimizer_D.zero_grad()
            real_loss = adversarial_loss(discriminator(real_imgs), valid)
            fake_loss = adversarial_loss(discriminator(gen_imgs.detach()), fake)
            d_loss = (real_loss + fake_loss) / 2
            d_loss.backward()
            optimizer_D.step()

            if i % 200 == 0:
                print(f"[Epoch {epoch}/{opt.n_epochs}] [D loss: {d_loss.item():f}] [G loss: {g_loss.item():f}]")
