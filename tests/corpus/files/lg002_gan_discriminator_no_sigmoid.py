"""positive [LG002]: GAN whose discriminator nn.Sequential ends in Linear (sigmoid forgotten) trained with nn.BCELoss."""
import torch
import torch.nn as nn

latent_dim = 100
G = nn.Sequential(
    nn.Linear(latent_dim, 256), nn.LeakyReLU(0.2),
    nn.Linear(256, 512), nn.LeakyReLU(0.2),
    nn.Linear(512, 784), nn.Tanh(),
)
D = nn.Sequential(
    nn.Linear(784, 512), nn.LeakyReLU(0.2),
    nn.Linear(512, 256), nn.LeakyReLU(0.2),
    nn.Linear(256, 1),
)
adversarial_loss = nn.BCELoss()
opt_G = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_D = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))


def train(loader, epochs=100):
    for epoch in range(epochs):
        for imgs, _ in loader:
            real = imgs.view(imgs.size(0), -1)
            valid = torch.ones(imgs.size(0), 1)
            fake = torch.zeros(imgs.size(0), 1)

            opt_G.zero_grad()
            z = torch.randn(imgs.size(0), latent_dim)
            gen = G(z)
            g_loss = adversarial_loss(D(gen), valid)  # expect: LG002
            g_loss.backward()
            opt_G.step()

            opt_D.zero_grad()
            real_loss = adversarial_loss(D(real), valid)  # expect: LG002
            fake_loss = adversarial_loss(D(gen.detach()), fake)  # expect: LG002
            d_loss = (real_loss + fake_loss) / 2
            d_loss.backward()
            opt_D.step()
