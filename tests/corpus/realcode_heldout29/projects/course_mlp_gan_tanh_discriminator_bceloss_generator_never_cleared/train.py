"""part of positive project [LG002, LG014]: the training script feeds the tanh discriminator's scores to torch.nn.BCELoss (values below 0 are not probabilities), and in the generator's step it clears optimizer_D, back-propagates G_loss and steps optimizer_G, whose zero_grad() is never called anywhere in the loop, so the generator's gradients keep adding up across iterations."""
# Source: hyperplasma/dl-course-practice at 41a5c762, dl_6_gan/train.py; re-typed, identifiers renamed; the progress bar, the unused segmentation plotting
# helper and the sample-grid plotting shortened.
import sys

import numpy as np
import torch
import torchvision
from torch.utils.data import DataLoader

from models import Generator, Discriminator

if __name__ == "__main__":
    transform = torchvision.transforms.Compose([
        torchvision.transforms.ToTensor(),
        torchvision.transforms.Normalize((0.5,), (0.5,)),
    ])
    mnist = torchvision.datasets.MNIST(root="datasets/mnist", train=True, download=False, transform=transform)
    batch_size = 10
    dataloader = DataLoader(mnist, batch_size=batch_size, shuffle=True)

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    z_dim = 100
    G = Generator(z_dim=z_dim).to(device)
    D = Discriminator(img_dim=28 * 28).to(device)

    lr = 0.01
    optimizer_G = torch.optim.Adam(G.parameters(), lr=lr, betas=(0.5, 0.999))
    optimizer_D = torch.optim.Adam(D.parameters(), lr=lr, betas=(0.5, 0.999))
    loss_func = torch.nn.BCELoss()

    g_losses = []
    d_losses = []
    num_epochs = 10

    G.train()
    D.train()
    for epoch in range(num_epochs):
        train_g_losses = []
        train_d_losses = []
        for i, (real_imgs, _) in enumerate(dataloader):
            real_imgs = real_imgs.to(device)

            z = torch.randn(batch_size, z_dim, device=device)
            fake_imgs = G(z)
            fake_labels = torch.zeros(batch_size, 1, device=device)
            real_labels = torch.ones(batch_size, 1, device=device)
            G_loss = loss_func(D(fake_imgs), real_labels)  # expect: LG002

            optimizer_D.zero_grad()
            G_loss.backward()
            optimizer_G.step()  # expect: LG014
            train_g_losses.append(G_loss.item())

            D_loss = loss_func(D(real_imgs), real_labels) + loss_func(D(fake_imgs.detach()), fake_labels)  # expect: LG002

            optimizer_D.zero_grad()
            D_loss.backward()
            optimizer_D.step()
            train_d_losses.append(D_loss.item())

        g_loss_mean = np.mean(train_g_losses)
        d_loss_mean = np.mean(train_d_losses)
        print(f"Epoch [{epoch + 1}/{num_epochs}], G Loss: {g_loss_mean:.4f}, D Loss: {d_loss_mean:.4f}")
        g_losses.append(g_loss_mean)
        d_losses.append(d_loss_mean)
