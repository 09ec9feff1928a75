"""part of positive project [LG001]: the trainer unpacks the discriminator's (score, class) pair and passes the softmaxed class output to self.aux_loss = nn.CrossEntropyLoss() in the discriminator's real and fake terms and in the generator's term."""
# Source: ChenKaiXuSan/ACGAN-PyTorch at 299e174e (read as is), trainer.py; re-typed, identifiers renamed; the
# config attribute copies shortened, the image-saving and tensorboard helpers cut to their calls. utils/utils.py
# (tensor2var moves a tensor to the GPU; compute_acc takes argmax of the class outputs) and main.py are not
# included.
import os
import time
import datetime

import torch
import torch.nn as nn

from models.acgan import Generator, Discriminator
from utils.utils import *


class ACGANTrainer(object):
    def __init__(self, loader, cfg):
        super(ACGANTrainer, self).__init__()
        self.loader = loader
        self.imsize = cfg.img_size
        self.g_every = cfg.g_num
        self.z_dim = cfg.z_dim
        self.channels = cfg.channels
        self.n_classes = cfg.n_classes
        self.g_conv_dim = cfg.g_conv_dim
        self.d_conv_dim = cfg.d_conv_dim
        self.epochs = cfg.epochs
        self.g_lr = cfg.g_lr
        self.d_lr = cfg.d_lr
        self.beta1 = cfg.beta1
        self.beta2 = cfg.beta2
        self.log_step = cfg.log_step
        self.sample_step = cfg.sample_step
        self.log_path = os.path.join(cfg.log_path, cfg.version)
        self.sample_path = os.path.join(cfg.sample_path, cfg.version)

        if cfg.use_tensorboard:
            self.build_tensorboard()
        self.build_model()

    def train(self):
        for epoch in range(self.epochs):
            t0 = time.time()

            for i, (imgs, labels) in enumerate(self.loader):
                imgs = tensor2var(imgs)
                labels = tensor2var(labels)

                real_t = tensor2var(torch.full((imgs.size(0),), 0.9))
                fake_t = tensor2var(torch.full((imgs.size(0),), 0.0))

                # ---- discriminator
                self.D.train()
                self.G.train()
                self.D.zero_grad()

                adv_real, cls_real = self.D(imgs)
                d_real = self.adv_loss(adv_real, real_t) + self.aux_loss(cls_real, labels)  # expect: LG001

                z = tensor2var(torch.randn(imgs.size(0), self.z_dim))
                gen_labels = tensor2var(torch.randint(0, self.n_classes, (imgs.size(0),), dtype=torch.long))

                fakes = self.G(z, gen_labels)
                adv_fake, cls_fake = self.D(fakes)

                d_fake = self.adv_loss(adv_fake, fake_t) + self.aux_loss(cls_fake, gen_labels)  # expect: LG001

                d_total = d_real + d_fake
                d_total.backward()
                self.d_opt.step()

                d_acc = compute_acc(cls_real, cls_fake, labels, gen_labels)

                # ---- generator, every g_every steps
                if i % self.g_every == 0:
                    self.G.zero_grad()
                    fakes = self.G(z, gen_labels)
                    adv_fake, cls_fake = self.D(fakes)

                    g_total = self.adv_loss(adv_fake, real_t) + self.aux_loss(cls_fake, gen_labels)  # expect: LG001

                    g_total.backward()
                    self.g_opt.step()

            self.logger.add_scalar("d_loss", d_total.data, epoch)
            self.logger.add_scalar("g_loss_fake", g_total.data, epoch)

            if epoch % self.log_step == 0:
                took = str(datetime.timedelta(seconds=time.time() - t0))
                print(
                    "Elapsed [{}], epoch [{}/{}], d_loss: {:.4f}, g_loss: {:.4f}, Acc: {:.4f}".format(
                        took, epoch, self.epochs, d_total.item(), g_total.item(), d_acc
                    )
                )

    def build_model(self):
        self.G = Generator(image_size=self.imsize, z_dim=self.z_dim, conv_dim=self.g_conv_dim, channels=self.channels).cuda()
        self.D = Discriminator(image_size=self.imsize, conv_dim=self.d_conv_dim, channels=self.channels).cuda()
        self.G.apply(weights_init)
        self.D.apply(weights_init)

        self.g_opt = torch.optim.Adam(self.G.parameters(), self.g_lr, [self.beta1, self.beta2])
        self.d_opt = torch.optim.Adam(self.D.parameters(), self.d_lr, [self.beta1, self.beta2])

        # the original GAN loss on raw scores
        self.adv_loss = nn.BCEWithLogitsLoss().cuda()
        self.aux_loss = nn.CrossEntropyLoss().cuda()

        print(self.G)
        print(self.D)

    def build_tensorboard(self):
        from torch.utils.tensorboard import SummaryWriter

        self.logger = SummaryWriter(self.log_path)
