"""part of look-alike project [LG002, LG006, LG016, LG018]: each step clears the discriminator's optimizer first and trains it on detached fakes, then runs g_steps generator updates whose adversarial loss goes through the discriminator, each after clearing the generator's optimizer; the epoch sums are .item() floats."""
# Source: Razyehuda/SRGAN at 52e3e72c, train.py (SRGANTrainer.train_epoch, read as is); re-typed, identifiers renamed;
# argument parsing, the learning-rate schedule, validation, CSV logging, plots and checkpoints shortened
# (create_data_loaders, Generator as in the source's modules).
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.tensorboard import SummaryWriter
from tqdm import tqdm

from models.srgan import Generator, Critic
from data.dataset import create_data_loaders
from utils.losses import SuperResolutionLoss, CriticLoss


class Trainer:
    def __init__(self, config):
        self.config = config
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self.generator = Generator(scale_factor=config.scale_factor).to(self.device)
        self.critic = Critic().to(self.device)
        self.g_optimizer = optim.Adam(self.generator.parameters(), lr=config.lr_g, betas=(0.9, 0.999))
        self.d_optimizer = optim.Adam(self.critic.parameters(), lr=config.lr_d, betas=(0.9, 0.999))
        self.g_loss_fn = SuperResolutionLoss(content_weight=config.content_weight,
                                             perceptual_weight=config.perceptual_weight,
                                             adversarial_weight=config.adversarial_weight).to(self.device)
        self.d_loss_fn = CriticLoss().to(self.device)
        self.pretrain_loss_fn = nn.L1Loss().to(self.device)
        self.train_loader, self.val_loader = create_data_loaders(config)
        self.writer = SummaryWriter(config.log_dir)

    def train_epoch(self, pretrain=False):
        self.generator.train()
        self.critic.train()
        total_g = 0.0
        total_d = 0.0
        bar = tqdm(self.train_loader)
        for batch_idx, (lr_imgs, hr_imgs) in enumerate(bar):
            lr_imgs = lr_imgs.to(self.device)
            hr_imgs = hr_imgs.to(self.device)
            if pretrain:
                self.g_optimizer.zero_grad()
                fake = self.generator(lr_imgs)
                fake_c = fake.clamp(-1.0, 1.0)
                g_loss = self.pretrain_loss_fn(fake_c, hr_imgs)
                g_loss.backward()
                torch.nn.utils.clip_grad_norm_(self.generator.parameters(), max_norm=1.0)
                self.g_optimizer.step()
                d_loss = torch.tensor(0.0)
            else:
                self.d_optimizer.zero_grad()
                fake = self.generator(lr_imgs)
                fake_c = fake.clamp(-1.0, 1.0)
                real_out = self.critic(hr_imgs)
                fake_out = self.critic(fake_c.detach())
                d_loss = self.d_loss_fn(real_out, fake_out)
                d_loss.backward()
                torch.nn.utils.clip_grad_norm_(self.critic.parameters(), max_norm=1.0)
                self.d_optimizer.step()

                g_loss = 0.0
                for k in range(self.config.g_steps):
                    self.g_optimizer.zero_grad()
                    fake = self.generator(lr_imgs)
                    fake_c = fake.clamp(-1.0, 1.0)
                    fake_out = self.critic(fake_c)
                    g_loss_k, content_k, perceptual_k, adv_k = self.g_loss_fn(fake, hr_imgs, fake_out)
                    g_loss_k.backward()
                    torch.nn.utils.clip_grad_norm_(self.generator.parameters(), max_norm=1.0)
                    self.g_optimizer.step()
                    g_loss += g_loss_k.item()
                g_loss /= self.config.g_steps
            total_g += g_loss.item() if isinstance(g_loss, torch.Tensor) else g_loss
            total_d += d_loss.item() if isinstance(d_loss, torch.Tensor) else d_loss
            self.writer.add_scalar('Loss/Discriminator', d_loss.item() if isinstance(d_loss, torch.Tensor) else d_loss,
                                   batch_idx)
        return total_g / len(self.train_loader), total_d / len(self.train_loader)
