"""part of look-alike project [LG004, LG016, LG002, LG006]: the OpenGAN trainer fills its BCE label with the integer real_label through torch.full (an int64 tensor) and casts it to float32 before nn.BCELoss sees it; the discriminator's probabilities come from its own Sigmoid; the logged losses are .item() values."""
# Source: Jingkang50/OpenOOD at 3c35632 (read as is; the cast is already in 65f2b07 "update fsood"),
# openood/trainers/opengan_trainer.py; re-typed, identifiers renamed; seeding and comments cut.
import torch
import torch.nn as nn
import torch.optim as optim
from tqdm import tqdm


def init_weights(m):
    name = m.__class__.__name__
    if name.find('Conv') != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif name.find('BatchNorm') != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


class OpenGanTrainer:
    def __init__(self, net, feat_loader, config) -> None:
        self.config = config
        self.gen = net['netG']
        self.disc = net['netD']
        self.gen.apply(init_weights)
        self.disc.apply(init_weights)
        self.feat_loader = feat_loader
        self.nz = self.config.network.nz
        self.real_label = 1
        self.fake_label = 0
        opt_cfg = self.config.optimizer
        self.opt_d = optim.Adam(self.disc.parameters(), lr=opt_cfg.lr / 1.5, betas=(opt_cfg.beta1, 0.999))
        self.opt_g = optim.Adam(self.gen.parameters(), lr=opt_cfg.lr, betas=(opt_cfg.beta1, 0.999))
        self.criterion = nn.BCELoss()
        self.g_losses = []
        self.d_losses = []

    def train_epoch(self, epoch_idx):
        it = iter(self.feat_loader)
        for step in tqdm(range(1, len(it) + 1), desc='Epoch {:03d}: '.format(epoch_idx)):
            feats = next(it)['data']
            self.disc.zero_grad()
            real = feats.cuda()
            b = real.size(0)
            label = torch.full((b, ), self.real_label).cuda()
            label = label.to(torch.float32)
            out = self.disc(real).view(-1)
            d_real = self.criterion(out, label)
            d_real.backward()

            noise = torch.randn(b, self.nz, 1, 1).cuda()
            fake = self.gen(noise)
            label.fill_(self.fake_label)
            out = self.disc(fake.detach()).view(-1)
            d_fake = self.criterion(out, label)
            d_fake.backward()
            d_total = d_real + d_fake
            self.opt_d.step()

            self.gen.zero_grad()
            label.fill_(self.real_label)
            out = self.disc(fake).view(-1)
            g_loss = self.criterion(out, label)
            g_loss.backward()
            self.opt_g.step()

            self.g_losses.append(g_loss.item())
            self.d_losses.append(d_total.item())

        return {'netG': self.gen, 'netD': self.disc}, {
            'G_losses': self.g_losses, 'D_losses': self.d_losses, 'epoch_idx': epoch_idx}
