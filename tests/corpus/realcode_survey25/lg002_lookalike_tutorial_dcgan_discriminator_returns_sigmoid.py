"""look-alike [LG002, LG006]: a lab tutorial's DCGAN discriminator ends its forward in `F.sigmoid(...).squeeze()`, so `nn.BCELoss` gets probabilities; the epoch lists keep `loss.data[0]`."""

# Source: mila-iqia/welcome_tutorials@2c2f462 pytorch/6. Generative Adversarial Networks.ipynb, cells 16-21 (re-typed, renamed, cut to the discriminator and the loop)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class Critic(nn.Module):
    def __init__(self, width=32):
        super().__init__()
        self.conv1 = nn.Conv2d(1, width, (4, 4), 2, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width * 2, (4, 4), 2, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(width * 2)
        self.conv3 = nn.Conv2d(width * 2, 1, (4, 4), 2, 1, bias=False)

    def forward(self, x):
        x = F.leaky_relu(self.bn1(self.conv1(x)), 0.2)
        x = F.leaky_relu(self.bn2(self.conv2(x)), 0.2)
        return F.sigmoid(self.conv3(x)).squeeze()


def run(generator, loader, z_dim, epochs):
    critic = Critic()
    bce = nn.BCELoss()
    opt_g = torch.optim.Adam(generator.parameters(), lr=2e-4)
    opt_d = torch.optim.Adam(critic.parameters(), lr=2e-4)
    d_history, g_history = [], []
    for epoch in range(epochs):
        for inputs, _ in loader:
            inputs = Variable(inputs)
            zeros = Variable(torch.zeros(inputs.size(0)))
            ones = Variable(torch.ones(inputs.size(0)))
            noise = Variable(torch.from_numpy(np.random.randn(inputs.size(0), z_dim, 1, 1).astype(np.float32)))

            opt_d.zero_grad()
            d_real_loss = bce(critic(inputs), ones)
            d_real_loss.backward()
            fake = generator(noise).detach()
            d_fake_loss = bce(critic(fake), zeros)
            d_fake_loss.backward()
            d_history.append(d_real_loss.data[0] + d_fake_loss.data[0])
            opt_d.step()

            opt_g.zero_grad()
            g_loss = bce(critic(generator(noise)), ones)
            g_loss.backward()
            opt_g.step()
            g_history.append(g_loss.data[0])
        print(epoch, np.mean(g_history), np.mean(d_history))
