"""look-alike [LG006]: the same SRGAN GAN loop at the fix commit: every step's losses are summed into the per-epoch cache dict as Python numbers (.item()), so no graph outlives its step."""

# Source: goldhuang/SRGAN-PyTorch@83e9d4c64d train.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader
from torchvision.models import vgg16

from data_utils import TrainDataset
from model import Discriminator, Generator


def main(epochs=100, batch_size=64):
    loader = DataLoader(TrainDataset("data/train", crop_size=64, upscale_factor=4), batch_size=batch_size, shuffle=True)
    mse = nn.MSELoss()
    bce = nn.BCELoss()
    features = nn.Sequential(*list(vgg16(pretrained=True).features)[:31]).eval()
    for p in features.parameters():
        p.requires_grad = False

    net_g = Generator()
    net_d = Discriminator()
    opt_g = optim.Adam(net_g.parameters())
    opt_d = optim.Adam(net_d.parameters())

    for epoch in range(1, epochs + 1):
        net_g.train()
        net_d.train()
        stats = {"pixel": 0, "perceptual": 0, "adversarial": 0, "g_loss": 0, "d_real": 0, "d_fake": 0, "d_loss": 0}
        for low, high in loader:
            fake = net_g(low)
            score_real = net_d(high)
            score_fake = net_d(fake)

            net_d.zero_grad()
            d_real = bce(score_real, torch.ones_like(score_real))
            d_fake = bce(score_fake, torch.zeros_like(score_fake))
            d_loss = d_real + d_fake
            stats["d_real"] += d_real.item()
            stats["d_fake"] += d_fake.item()
            stats["d_loss"] += d_loss.item()
            d_loss.backward(retain_graph=True)
            opt_d.step()

            net_g.zero_grad()
            pixel = mse(fake, high)
            perceptual = mse(features(fake), features(high))
            adversarial = bce(score_fake, torch.ones_like(score_fake))
            g_loss = pixel + 2e-6 * perceptual + 1e-3 * adversarial
            stats["pixel"] += pixel.item()
            stats["perceptual"] += perceptual.item()
            stats["adversarial"] += adversarial.item()
            stats["g_loss"] += g_loss.item()
            g_loss.backward()
            opt_g.step()
        print(epoch, {k: v / len(loader) for k, v in stats.items()})


if __name__ == "__main__":
    main()
