"""positive [LG002]: GAN discriminator's forward ends in nn.Linear (sigmoid removed "for WGAN" then reverted to BCE); D(real) and D(fake) reach nn.BCELoss."""
import torch
import torch.nn as nn

latent_dim = 100
img_dim = 28 * 28


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(latent_dim, 256), nn.LeakyReLU(0.2),
            nn.Linear(256, 512), nn.LeakyReLU(0.2),
            nn.Linear(512, img_dim), nn.Tanh(),
        )

    def forward(self, z):
        return self.net(z)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(img_dim, 512)
        self.fc2 = nn.Linear(512, 256)
        self.fc3 = nn.Linear(256, 1)
        self.act = nn.LeakyReLU(0.2)

    def forward(self, x):
        x = self.act(self.fc1(x.view(x.size(0), -1)))
        x = self.act(self.fc2(x))
        return self.fc3(x)


G, D = Generator(), Discriminator()
adversarial_loss = nn.BCELoss()
opt_G = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_D = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))


def train(dataloader, n_epochs=200):
    for epoch in range(n_epochs):
        for i, (imgs, _) in enumerate(dataloader):
            valid = torch.ones(imgs.size(0), 1)
            fake = torch.zeros(imgs.size(0), 1)

            opt_G.zero_grad()
            z = torch.randn(imgs.size(0), latent_dim)
            gen_imgs = G(z)
            g_loss = adversarial_loss(D(gen_imgs), valid)  # expect: LG002
            g_loss.backward()
            opt_G.step()

            opt_D.zero_grad()
            real_loss = adversarial_loss(D(imgs), valid)  # expect: LG002
            fake_loss = adversarial_loss(D(gen_imgs.detach()), fake)  # expect: LG002
            d_loss = (real_loss + fake_loss) / 2
            d_loss.backward()
            opt_D.step()

            if i % 400 == 0:
                print(f"[{epoch}/{n_epochs}] [{i}] D: {d_loss.item():.4f} G: {g_loss.item():.4f}")
