"""part of positive project [LG014]: the MNIST tutorial builds the GAN and calls gan.step(data) for every batch of every epoch (it unpacks four values, as in the source)."""
# Source: Adversarial-Deep-Learning/code-soup at c56901ea (issue #69 "Zero Grad and Generator error missing in GAN";
# fixed by 25a7502d), Tutorials/ch5/GAN/mnist_gan.py;
# re-typed, identifiers renamed; the argument parser shortened (MnistDataset undefined, as in the source).
import argparse

import torch
import torchvision.transforms as transforms

from code_soup.ch5.models import GAN
from code_soup.common.vision.datasets import MNISTDataset

if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="mnist_gan.py", description="Train an MNIST GAN model")
    parser.add_argument("--batch_size", type=int, action="store", default=64)
    parser.add_argument("--latent_dims", type=int, action="store", default=128)
    parser.add_argument("--learning_rate", type=int, action="store", default=0.0002)
    parser.add_argument("--epochs", type=int, action="store", default=200)
    args = parser.parse_args()
    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
    dataset = MnistDataset(transform=transform)
    dataloader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, shuffle=True)
    gan = GAN(image_size=28, channels=1, latent_dims=128, device=torch.device("cpu"), lr=0.02)
    for epoch in range(args.epochs):
        for i, data in enumerate(dataloader, 0):
            D_x, D_G_z1, errD, D_G_z2 = gan.step(data)
