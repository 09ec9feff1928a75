"""positive [LG006]: the SRGAN script sums every step's loss tensors (back-propagated, so holding their graphs) into the values of a per-epoch cache dict it only logs, in the MSE pre-training loop and in the GAN loop, so every step's graphs stay alive until the epoch ends (the fix adds .item() in the GAN loop)."""

# Source: goldhuang/SRGAN-PyTorch@f5c6a5176b train.py, fixed in 83e9d4c64d (cut, renamed)
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader
from torchvision.models import vgg16

from data_utils import TrainDataset
from model import Discriminator, Generator


def main(pretrain_epochs=50, epochs=100, batch_size=64):
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

    for epoch in range(1, pretrain_epochs + 1):
        net_g.train()
        stats = {"g_loss": 0}
        for low, high in loader:
            fake = net_g(low)
            net_g.zero_grad()
            pixel_loss = mse(fake, high)
            stats["g_loss"] += pixel_loss  # expect: LG006
            pixel_loss.backward()
            opt_g.step()
        print(epoch, stats["g_loss"] / len(loader))

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
            stats["d_real"] += d_real  # expect: LG006
            stats["d_fake"] += d_fake  # expect: LG006
            stats["d_loss"] += d_loss  # expect: LG006
            d_loss.backward(retain_graph=True)
            opt_d.step()

            net_g.zero_grad()
            pixel = mse(fake, high)
            perceptual = mse(features(fake), features(high))
            adversarial = bce(score_fake, torch.ones_like(score_fake))
            g_loss = pixel + 2e-6 * perceptual + 1e-3 * adversarial
            stats["pixel"] += pixel  # expect: LG006
            stats["perceptual"] += perceptual  # expect: LG006
            stats["adversarial"] += adversarial  # expect: LG006
            stats["g_loss"] += g_loss  # expect: LG006
            g_loss.backward()
            opt_g.step()
        print(epoch, {k: v / len(loader) for k, v in stats.items()})


if __name__ == "__main__":
    main()
