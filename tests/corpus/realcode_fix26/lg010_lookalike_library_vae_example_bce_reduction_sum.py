"""look-alike [LG010]: the same VAE example at the fix: reduction='sum' sums the reconstruction loss."""

# Source: pytorchbearer/torchbearer@a894f84b09 docs/_static/examples/vae_standard.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torchbearer import Model


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 400)
        self.fc21 = nn.Linear(400, 20)
        self.fc22 = nn.Linear(400, 20)
        self.fc3 = nn.Linear(20, 400)
        self.fc4 = nn.Linear(400, 784)

    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def reparameterize(self, mu, logvar):
        if self.training:
            std = torch.exp(0.5 * logvar)
            return torch.randn_like(std).mul(std).add_(mu)
        return mu

    def decode(self, z):
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z))))

    def forward(self, x):
        mu, logvar = self.encode(x.view(-1, 784))
        return self.decode(self.reparameterize(mu, logvar)), mu, logvar


def bce_loss(recon_x, x):
    return F.binary_cross_entropy(recon_x, x.view(-1, 784), reduction="sum")


def kld_loss(mu, logvar):
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())


def loss_function(y_pred, y_true):
    recon_x, mu, logvar = y_pred
    return bce_loss(recon_x, y_true) + kld_loss(mu, logvar)


def run(traingen, testgen):
    model = VAE()
    optimizer = optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=0.001)
    trial = Model(model, optimizer, loss_function, metrics=["loss"]).to("cuda")
    trial.fit_generator(traingen, epochs=10, validation_generator=testgen)
