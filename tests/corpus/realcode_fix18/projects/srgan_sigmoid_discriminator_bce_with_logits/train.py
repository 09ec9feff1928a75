"""part of positive project [LG003]: the training script had switched its adversarial criterion to BCEWithLogitsLoss while the discriminator still ends in a sigmoid, so both the discriminator's and the generator's adversarial losses squash probabilities a second time (the fix goes back to BCELoss)."""

# Source: goldhuang/SRGAN-PyTorch@ff42310382 train.py, fixed in 8a81ec5aaa (cut, renamed)
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

from data_utils import TrainDataset
from model import Critic
from upscaler import Upscaler


def main(epochs=100):
    loader = DataLoader(TrainDataset("data/train", crop_size=64, upscale_factor=4), batch_size=64, shuffle=True)
    mse = nn.MSELoss()
    adversarial = nn.BCEWithLogitsLoss()
    net_g = Upscaler()
    net_d = Critic()
    opt_g = optim.Adam(net_g.parameters())
    opt_d = optim.Adam(net_d.parameters())
    for epoch in range(1, epochs + 1):
        for low, high in loader:
            fake = net_g(low)
            score_real = net_d(high)
            score_fake = net_d(fake)

            net_d.zero_grad()
            real_target = torch.rand(score_real.size()) * 0.5 + 0.7
            fake_target = torch.rand(score_fake.size()) * 0.3
            d_loss = adversarial(score_real, real_target) + adversarial(score_fake, fake_target)  # expect: LG003
            d_loss.backward(retain_graph=True)
            opt_d.step()

            net_g.zero_grad()
            g_loss = mse(fake, high) + 1e-3 * adversarial(score_fake, torch.ones_like(score_fake))  # expect: LG003
            g_loss.backward()
            opt_g.step()
        print(epoch)
