"""part of positive project [LG003]: the training loop hands the discriminator's scores of the generated images to the generator's loss module."""

# Source: sazidshahjada/SRGAN-Pytorch@cb51fd6413 gan_train.py, fixed in 4f1e9c57d1 (cut, renamed)
import torch
import torch.optim as optim
from torch.utils.data import DataLoader

from dataset import PairedDataset
from gan_models import Critic
from generator import Upscaler
from losses import CriticLoss, UpscalerLoss

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train(hr_dir, epochs=100):
    gen = Upscaler().to(DEVICE)
    critic = Critic().to(DEVICE)
    gen_loss = UpscalerLoss(alpha=0.001).to(DEVICE)
    critic_loss = CriticLoss().to(DEVICE)
    opt_g = optim.Adam(gen.parameters(), lr=1e-4, betas=(0.9, 0.999))
    opt_d = optim.Adam(critic.parameters(), lr=1e-4, betas=(0.9, 0.999))
    loader = DataLoader(PairedDataset(hr_dir), batch_size=16, shuffle=True)
    for epoch in range(epochs):
        gen.train()
        critic.train()
        for batch in loader:
            hr = batch["hr"].to(DEVICE)
            lr = batch["lr"].to(DEVICE)
            opt_d.zero_grad()
            fake = gen(lr)
            d_loss = critic_loss(critic(hr), critic(fake.detach()))
            d_loss.backward()
            opt_d.step()

            opt_g.zero_grad()
            fake = gen(lr)
            g_loss = gen_loss(fake, hr, critic(fake))
            g_loss.backward()
            opt_g.step()


if __name__ == "__main__":
    train("data/hr")
