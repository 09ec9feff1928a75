"""positive [LG010]: a convolutional VAE notebook whose decoder nn.Sequential ends in nn.Sigmoid(); its loss calls F.binary_cross_entropy(recon_x, x, size_average=False) (legacy flag; the sigmoid-then-BCELoss pairing itself is correct)."""
# Source: https://github.com/sksq96/pytorch-vae vae-cnn.ipynb at 14ce22796fe0ee5120f4f1cdb1dbaf515e72559d; the code
# cells concerned, re-typed, names changed, reduced (cell order and the notebook's `vae` / `model` names kept).
import torch
import torch.nn as nn
import torch.nn.functional as F


class Flatten(nn.Module):
    def forward(self, input):
        return input.view(input.size(0), -1)


class UnFlatten(nn.Module):
    def forward(self, input, size=1024):
        return input.view(input.size(0), size, 1, 1)


class VAE(nn.Module):
    def __init__(self, image_channels=3, h_dim=1024, z_dim=32):
        super(VAE, self).__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(image_channels, 32, kernel_size=4, stride=2),
            nn.ReLU(),
            nn.Conv2d(32, 64, kernel_size=4, stride=2),
            nn.ReLU(),
            Flatten(),
        )
        self.fc1 = nn.Linear(h_dim, z_dim)
        self.fc2 = nn.Linear(h_dim, z_dim)
        self.fc3 = nn.Linear(z_dim, h_dim)
        self.decoder = nn.Sequential(
            UnFlatten(),
            nn.ConvTranspose2d(h_dim, 128, kernel_size=5, stride=2),
            nn.ReLU(),
            nn.ConvTranspose2d(128, image_channels, kernel_size=6, stride=2),
            nn.Sigmoid(),
        )

    def reparameterize(self, mu, logvar):
        std = logvar.mul(0.5).exp_()
        esp = torch.randn(*mu.size())
        return mu + std * esp

    def bottleneck(self, h):
        mu, logvar = self.fc1(h), self.fc2(h)
        z = self.reparameterize(mu, logvar)
        return z, mu, logvar

    def encode(self, x):
        h = self.encoder(x)
        return self.bottleneck(h)

    def decode(self, z):
        z = self.fc3(z)
        return self.decoder(z)

    def forward(self, x):
        z, mu, logvar = self.encode(x)
        z = self.decode(z)
        return z, mu, logvar


image_channels = fixed_x.size(1)
model = VAE(image_channels=image_channels).to(device)
model.load_state_dict(torch.load("vae.torch", map_location="cpu"))
optimizer = torch.optim.Adam(vae.parameters(), lr=1e-3)


def loss_fn(recon_x, x, mu, logvar):
    BCE = F.binary_cross_entropy(recon_x, x, size_average=False)  # expect: LG010
    KLD = -0.5 * torch.mean(1 + logvar - mu.pow(2) - logvar.exp())
    return BCE + KLD, BCE, KLD


epochs = 50
for epoch in range(epochs):
    for idx, (images, _) in enumerate(dataloader):
        recon_images, mu, logvar = vae(images)
        loss, bce, kld = loss_fn(recon_images, images, mu, logvar)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print("Epoch[{}/{}] Loss: {:.3f}".format(epoch + 1, epochs, loss.data[0] / bs))
torch.save(vae.state_dict(), "vae.torch")
