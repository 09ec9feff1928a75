"""look-alike [LG002, LG014, LG018]: the same course's second GAN script (added after the tanh version): the discriminator's Sequential ends in nn.Sigmoid() before nn.BCELoss, each optimizer is cleared right before its own network's backward (the discriminator's gradients left by the generator's loss are cleared at the next iteration's start), and the labels are float ones/zeros shaped (batch, 1) like the scores."""
# Source: hyperplasma/dl-course-practice at 41a5c762, dl_6_gan/train_gan.py; re-typed, identifiers renamed; the
# sample-grid plotting shortened.
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms
from torch.utils.data import DataLoader


class Generator(nn.Module):
    def __init__(self, z_dim=100):
        super(Generator, self).__init__()
        self.main = nn.Sequential(
            nn.Linear(z_dim, 256),
            nn.ReLU(True),
            nn.Linear(256, 512),
            nn.ReLU(True),
            nn.Linear(512, 1024),
            nn.ReLU(True),
            nn.Linear(1024, 28 * 28),
            nn.Tanh()
        )

    def forward(self, x):
        img = self.main(x)
        img = img.view(img.size(0), 1, 28, 28)
        return img


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()
        self.main = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(512, 256),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Linear(256, 1),
            nn.Sigmoid()
        )

    def forward(self, x):
        x = x.view(x.size(0), -1)
        score = self.main(x)
        return score


if __name__ == '__main__':
    batch_size = 16
    z_dim = 100
    lr = 0.0002
    epochs = 50
    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize([0.5], [0.5])])
    mnist = torchvision.datasets.FashionMNIST(root='datasets/mnist', train=True, download=True, transform=transform)
    dataloader = DataLoader(mnist, batch_size=batch_size, shuffle=True)

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    G = Generator(z_dim).to(device)
    D = Discriminator().to(device)

    adversarial_loss = nn.BCELoss()
    optimizer_G = optim.Adam(G.parameters(), lr=lr, betas=(0.5, 0.999))
    optimizer_D = optim.Adam(D.parameters(), lr=lr, betas=(0.5, 0.999))

    real_labels = torch.ones(batch_size, 1, device=device)
    fake_labels = torch.zeros(batch_size, 1, device=device)
    for epoch in range(epochs):
        for i, (imgs, _) in enumerate(dataloader):
            imgs = imgs.to(device)

            optimizer_D.zero_grad()
            real_score = D(imgs)
            real_loss = adversarial_loss(real_score, real_labels)
            z = torch.randn(batch_size, z_dim, device=device)
            fake_imgs = G(z)
            fake_score = D(fake_imgs.detach())
            fake_loss = adversarial_loss(fake_score, fake_labels)
            d_loss = (real_loss + fake_loss) / 2
            d_loss.backward()
            optimizer_D.step()

            optimizer_G.zero_grad()
            z = torch.randn(batch_size, z_dim, device=device)
            fake_imgs = G(z)
            g_loss = adversarial_loss(D(fake_imgs), real_labels)
            g_loss.backward()
            optimizer_G.step()

            print(f"[Epoch {epoch}/{epochs}] [Batch {i}/{len(dataloader)}] [D loss: {d_loss.item()}] "
                  f"[G loss: {g_loss.item()}] [D(x): {real_score.detach().mean().item():.4f}] "
                  f"[D(G(z)): {fake_score.mean().item():.4f}]")
