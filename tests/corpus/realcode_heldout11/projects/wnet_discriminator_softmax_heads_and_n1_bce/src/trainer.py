"""part of positive project [LG001, LG005]: the trainer builds (N,) real/fake labels with torch.tensor([1 for ...]) and passes the discriminator's output tuples to GenerationLoss and DiscriminationLoss every batch."""
# Source: Arctanxy/W-Net-PyTorch@3af8212356a591d9555da7193c07af1e12841599 src/trainer.py (read as is; its issue #15 reports "Using a target size (torch.Size([64])) that is different to the input size (torch.Size([64, 1]))" at the BCELoss call of loss_func.py; re-typed, identifiers renamed, cut at method boundaries: validation, checkpoint loading and saving and the tensorboard images left out, the multi-GPU branch and the gradient-penalty variant of the discriminator loss shortened)
from itertools import chain

import torch
from torch import optim
from tqdm import tqdm

from src.config import conf
from src.loss_func import GenerationLoss, DiscriminationLoss
from src.model import WNet, Discriminator, CLSEncoderS, ClSEncoderP


class Trainer(object):
    def __init__(self, train_loader, valid_loader):
        self.init_model()
        self.train_loader = train_loader
        self.valid_loader = valid_loader

    def init_model(self):
        self.G = WNet().to(conf.device)
        self.D = Discriminator(conf.num_fonts + 1, conf.num_chars + 1).to(conf.device)
        self.CLSP = ClSEncoderP(conf.num_chars + 1).to(conf.device)
        self.CLSS = CLSEncoderS(conf.num_fonts + 1).to(conf.device)
        self.optimizer_G = optim.Adam(self.G.parameters(), lr=conf.init_lr_G,
                                      betas=(conf.beta_1, conf.beta_2), weight_decay=conf.weight_decay)
        self.optimizer_D = optim.Adam(chain(self.D.parameters(), self.CLSP.parameters(), self.CLSS.parameters()),
                                      lr=conf.init_lr_D, betas=(conf.beta_1, conf.beta_2), weight_decay=conf.weight_decay)

    def train_one_epoch(self, epoch):
        epoch_lgs = 0.0
        epoch_lds = 0.0
        for proto, index, style, style_idx, style_char_idx, real in tqdm(self.train_loader, total=len(self.train_loader)):
            x1 = proto.to(conf.device)
            x2 = style.to(conf.device)
            x_real = real.to(conf.device)
            real_style_label = style_idx.to(conf.device)
            fake_style_label = torch.tensor([conf.num_fonts for i in range(x1.shape[0])]).to(conf.device)
            char_label = index.to(conf.device)
            fake_char_label = torch.tensor([conf.num_chars for i in range(x1.shape[0])]).to(conf.device)
            real_label = torch.tensor([1 for i in range(x1.shape[0])]).to(conf.device)
            fake_label = torch.tensor([0 for i in range(x1.shape[0])]).to(conf.device)

            self.optimizer_G.zero_grad()
            x_fake, lout, rout = self.G(x1, x2)
            out = self.D(x_fake, x1, x2)
            out_real_ = self.D(x_real, x1, x2)
            cls_enc_p = self.CLSP(lout.view(-1, 512))
            cls_enc_s = self.CLSS(rout.view(-1, 512))
            enc_real_left = self.G.left(x_real)[5]
            enc_real_right = self.G.right(x_real)[5]
            enc_fake_left = self.G.left(x_fake)[5]
            enc_fake_right = self.G.right(x_fake)[5]
            criterion_G = GenerationLoss()
            L_G = criterion_G(out, out_real_, real_label, real_style_label, char_label, x_fake, x_real,
                              enc_real_left, enc_fake_left, enc_real_right, enc_fake_right, cls_enc_p, cls_enc_s)
            epoch_lgs += L_G.item()
            L_G.backward(retain_graph=True)
            self.optimizer_G.step()

            self.optimizer_D.zero_grad()
            out_real = self.D(x_real, x1, x2)
            out_fake = self.D(x_fake.detach(), x1, x2)
            cls_enc_p = self.CLSP(lout.view(-1, 512).detach())
            cls_enc_s = self.CLSS(rout.view(-1, 512).detach())
            L_D = DiscriminationLoss()(out_real, out_fake, real_label, fake_label, real_style_label, fake_style_label,
                                       char_label, fake_char_label, cls_enc_p, cls_enc_s)
            epoch_lds += L_D.item()
            L_D.backward()
            self.optimizer_D.step()
        return epoch_lgs / len(self.train_loader), epoch_lds / len(self.train_loader)
