"""positive [LG003]: the fix of the Lightning ACGAN makes the class head plain Linear logits and switches adversarial_loss to F.binary_cross_entropy_with_logits, but the validity head still ends in nn.Sigmoid(), so the critic's probabilities are squashed a second time."""
# Source: nocotan/pytorch-lightning-gans@46272a4f0425e40dbc4b79d9351971ac398b4fa1 models/acgan.py (the fix "Update acgan.py", pull request #11 for issue #9, unchanged since at master 394b309; the reporter suggested the with-logits loss without noticing the Sigmoid layer; re-typed, identifiers renamed, cut at method boundaries: the generator's layers, the image logging, the dataloader and main() shortened or left out)
from argparse import ArgumentParser
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from pytorch_lightning.core import LightningModule
from pytorch_lightning.trainer import Trainer


class CondGenerator(nn.Module):
    def __init__(self, latent_dim, img_shape, n_classes):
        super().__init__()
        self.img_shape = img_shape
        self.init_size = img_shape[1] // 4
        self.fc = nn.Sequential(nn.Linear(latent_dim, 128 * self.init_size ** 2))
        self.class_emb = nn.Embedding(n_classes, latent_dim)
        self.blocks = nn.Sequential(
            nn.BatchNorm2d(128),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(128, 64, 3, stride=1, padding=1),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(64, img_shape[0], 3, stride=1, padding=1),
            nn.Tanh(),
        )

    def forward(self, z, classes):
        z = torch.mul(self.class_emb(classes), z)
        h = self.fc(z)
        h = h.view(h.shape[0], 128, self.init_size, self.init_size)
        return self.blocks(h)


class AuxCritic(nn.Module):
    def __init__(self, img_shape, n_classes):
        super(AuxCritic, self).__init__()

        def down(in_feat, out_feat, bn=True):
            block = [nn.Conv2d(in_feat, out_feat, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True), nn.Dropout2d(0.25)]
            if bn:
                block.append(nn.BatchNorm2d(out_feat, 0.8))
            return block

        self.features = nn.Sequential(
            *down(img_shape[0], 16, bn=False),
            *down(16, 32),
            *down(32, 64),
            *down(64, 128),
        )
        side = img_shape[1] // 2 ** 4
        self.real_fake = nn.Sequential(nn.Linear(128 * side ** 2, 1), nn.Sigmoid())
        self.class_head = nn.Sequential(nn.Linear(128 * side ** 2, n_classes))

    def forward(self, img):
        h = self.features(img)
        h = h.view(h.shape[0], -1)
        validity = self.real_fake(h)
        classes = self.class_head(h)
        return validity, classes


class LitACGAN(LightningModule):

    def __init__(self, latent_dim: int = 100, n_classes: int = 10, lr: float = 0.0002,
                 b1: float = 0.5, b2: float = 0.999, batch_size: int = 64, **kwargs):
        super().__init__()
        self.save_hyperparameters()
        self.latent_dim = latent_dim
        self.n_classes = n_classes
        self.lr = lr
        self.b1 = b1
        self.b2 = b2
        self.batch_size = batch_size
        img_shape = (1, 32, 32)
        self.gen = CondGenerator(latent_dim=self.latent_dim, img_shape=img_shape, n_classes=n_classes)
        self.critic = AuxCritic(img_shape=img_shape, n_classes=n_classes)

    def forward(self, z, classes):
        return self.gen(z, classes)

    def adversarial_loss(self, y_hat, y):
        return F.binary_cross_entropy_with_logits(y_hat, y)  # expect: LG003

    def auxiliary_loss(self, y_hat, y):
        return F.cross_entropy(y_hat, y)

    def training_step(self, batch, batch_idx, optimizer_idx):
        imgs, classes = batch
        z = torch.randn(imgs.shape[0], self.latent_dim)
        z = z.type_as(imgs)
        fake_classes = torch.LongTensor(np.random.randint(0, self.n_classes, self.batch_size))

        if optimizer_idx == 0:
            valid = torch.ones(imgs.size(0), 1)
            valid = valid.type_as(imgs)
            validity, class_logits = self.critic(self(z, fake_classes))
            g_loss = 0.5 * self.adversarial_loss(validity, valid) + self.auxiliary_loss(class_logits, fake_classes)
            logs = {'g_loss': g_loss}
            return OrderedDict({'loss': g_loss, 'progress_bar': logs, 'log': logs})

        if optimizer_idx == 1:
            valid = torch.ones(imgs.size(0), 1)
            valid = valid.type_as(imgs)
            fakes = self(z, fake_classes)
            validity, class_logits = self.critic(imgs)
            real_loss = 0.5 * self.adversarial_loss(validity, valid) + self.auxiliary_loss(class_logits, classes)
            fake = torch.zeros(imgs.size(0), 1)
            fake = fake.type_as(imgs)
            fake_validity, fake_class_logits = self.critic(fakes)
            fake_loss = 0.5 * self.adversarial_loss(fake_validity, fake) + self.auxiliary_loss(fake_class_logits, fake_classes)
            d_loss = (real_loss + fake_loss) / 2
            logs = {'d_loss': d_loss}
            return OrderedDict({'loss': d_loss, 'progress_bar': logs, 'log': logs})

    def configure_optimizers(self):
        opt_g = torch.optim.Adam(self.gen.parameters(), lr=self.lr, betas=(self.b1, self.b2))
        opt_d = torch.optim.Adam(self.critic.parameters(), lr=self.lr, betas=(self.b1, self.b2))
        return [opt_g, opt_d], []


def main(args):
    model = LitACGAN(**vars(args))
    trainer = Trainer(gpus=args.gpus)
    trainer.fit(model)


if __name__ == '__main__':
    parser = ArgumentParser()
    parser.add_argument("--gpus", type=int, default=0)
    parser.add_argument("--batch_size", type=int, default=64)
    parser.add_argument("--latent_dim", type=int, default=100)
    main(parser.parse_args())
