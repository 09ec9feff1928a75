"""positive [LG003]: a probabilistic U-Net's combiner head ends in a sigmoid; the model's elbo() stores the reconstruction decoded from a posterior sample on self and gives it to BCEWithLogitsLoss(reduction='none'), which applies the sigmoid again."""

# Source: FrankWJW/Probabilistic-Unet-Pytorch@f4f57383b5 prob_unet/Fcomb.py (Fcomb.forward),
# prob_unet/probabilistic_unet.py (ProbabilisticUnet.elbo, reconstruct), train_model.py (train); re-typed,
# identifiers renamed; the Gaussian encoders, weight initialisers, manifold plotting and checkpointing cut
# Mutation: `torch.sigmoid` on the combiner's last convolution
import torch
import torch.nn as nn
from torch.distributions import kl

from unet.unet import UNet
from prob_unet.gaussians import AxisAlignedGaussian


class Combiner(nn.Module):
    def __init__(self, filters, latent_dim, num_classes, n_convs):
        super().__init__()
        layers = [nn.Conv2d(filters[0] + latent_dim, filters[0], kernel_size=1), nn.BatchNorm2d(filters[0]), nn.ReLU(inplace=True)]
        for _ in range(n_convs - 2):
            layers += [nn.Conv2d(filters[0], filters[0], kernel_size=1), nn.BatchNorm2d(filters[0]), nn.ReLU(inplace=True)]
        self.layers = nn.Sequential(*layers)
        self.last_layer = nn.Conv2d(filters[0], num_classes, kernel_size=1)

    def forward(self, feature_map, z):
        z = z.unsqueeze(2).unsqueeze(3).expand(-1, -1, feature_map.shape[2], feature_map.shape[3])
        output = self.layers(torch.cat((feature_map, z), dim=1))
        return torch.sigmoid(self.last_layer(output))


class ProbUNet(nn.Module):
    def __init__(self, in_channels=1, num_classes=1, filters=(32, 64, 128, 192), latent_dim=6, beta=10.0):
        super().__init__()
        self.beta = beta
        self.unet = UNet(in_channels, num_classes, num_filters=filters, if_last_layer=False)
        self.prior = AxisAlignedGaussian(in_channels, filters, latent_dim)
        self.posterior = AxisAlignedGaussian(in_channels, filters, latent_dim, posterior=True)
        self.combiner = Combiner(filters, latent_dim, num_classes, n_convs=4)

    def forward(self, patch, segm, training=False):
        if training:
            self.posterior_z = self.posterior.forward(patch, segm)
        self.prior_z = self.prior.forward(patch)
        self.unet_features = self.unet.forward(patch)

    def reconstruct(self, use_posterior_mean=False):
        z = self.posterior_z.loc if use_posterior_mean else self.posterior_z.rsample()
        return self.combiner.forward(self.unet_features, z)

    def elbo(self, segm):
        criterion = nn.BCEWithLogitsLoss(reduction="none")
        self.kl = torch.mean(kl.kl_divergence(self.posterior_z, self.prior_z))
        self.reconstruction = self.reconstruct()
        recon = criterion(input=self.reconstruction, target=segm)  # expect: LG003
        self.reconstruction_loss = torch.sum(recon)
        return self.reconstruction_loss + self.beta * self.kl


def train(loader, epochs, lr=1e-4, device="cuda"):
    net = ProbUNet().to(device)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr, weight_decay=0)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=max(1, epochs // 6), gamma=0.4)
    for epoch in range(epochs):
        total = 0
        for patch, mask, _ in loader:
            patch, mask = patch.to(device), mask.to(device)
            optimizer.zero_grad()
            net.forward(patch, mask, training=True)
            loss = net.elbo(mask)
            total += loss.item()
            loss.backward()
            optimizer.step()
        scheduler.step()
        print(epoch, total)
