"""positive [LG017]: in this AttGAN variant the attribute predictor P is not frozen in the two generator phases, so each g_loss.backward() leaves gradients on P; P's optimizer is stepped only in the discriminator phase, right after optim_P.zero_grad(), so those gradients are cleared before the step that should apply them (the dc_loss computed there is never back-propagated)."""
# Source: jiazhi412/AttGAN-PyTorch at a07eb4f4, models/CelebA_label_mse_MI_Pscratch.py (read as is); re-typed,
# identifiers renamed; summaries, wandb logging, MINE pre-training, saving and evaluation shortened (Generator_no_inject,
# Discriminator, Predictor, M, mi_criterion, Progressbar and the base Model as in the source's modules).
import copy
import itertools

import torch
import torch.nn as nn
import torch.autograd as autograd
import torch.nn.functional as F
import torch.optim as optim

import utils
from helpers import Progressbar
from models.module import *
from models.module.MINE.model import M
from models.module.MINE.utils import mi_criterion
from models.CelebA_label_mse_MI import Model as BaseModel


class Model(BaseModel):
    def __init__(self, args):
        self.mode = args.mode
        self.gpu = args.gpu
        self.gr = args.gr
        self.gc = args.gc
        self.gp = args.gp
        self.ga = args.ga
        self.mi = args.mi
        self.num_iter_MI = args.num_iter_MI
        self.dim_per_attr = args.dim_per_attr
        self.scheduler = itertools.cycle([0] * args.num_ganp1 + [1] * args.num_ganp2 + [2] * args.num_dis)
        self.epoch = 0
        self.it = 0
        self.G = Generator_no_inject(args.enc_dim, args.enc_layers, args.enc_norm, args.enc_acti, args.dec_dim,
                                     args.dec_layers, args.dec_norm, args.dec_acti, args.n_attrs, args.shortcut_layers,
                                     args.inject_layers, args.img_size, args.dim_per_attr)
        self.G.train()
        self.D = Discriminator(args.dis_dim, args.dis_norm, args.dis_acti, args.dis_fc_dim, args.dis_fc_norm,
                               args.dis_fc_acti, args.dis_layers, args.img_size, args.n_attrs)
        self.D.train()
        self.P = Predictor()
        self.P.train()
        self.mine = M(input_dim=args.enc_dim * 2 ** (args.enc_layers - 1) * 7 * 7)
        self.mine.train()
        if self.gpu:
            self.G.cuda()
            self.D.cuda()
            self.P.cuda()
            self.mine.cuda()
        self.optim_G = optim.Adam(self.G.parameters(), lr=args.lr, betas=args.betas)
        self.optim_D = optim.Adam(self.D.parameters(), lr=args.lr, betas=args.betas)
        self.optim_P = optim.Adam(self.P.parameters(), lr=args.lr, betas=args.betas)
        self.optim_mine = optim.Adam(self.mine.parameters(), lr=args.lr, betas=args.betas)

    def prepare_data(self, img_a, att_a, args):
        att_a = torch.unsqueeze(att_a, 1) if len(list(att_a.size())) == 1 else att_a
        img_a = img_a.cuda() if args.gpu else img_a
        att_a = att_a.cuda() if args.gpu else att_a
        att_b = 1 - att_a
        att_a = att_a.type(torch.float)
        att_b = att_b.type(torch.float)
        att_a_ = (att_a * 2 - 1) * args.thres_int
        att_b_ = (att_b * 2 - 1) * args.thres_int
        return img_a, att_a, att_a_, att_b, att_b_

    def train_epoch(self, train_loader, valid_loader, it_per_epoch, args):
        bar = Progressbar()
        mine_loader = copy.deepcopy(train_loader)
        batch_iter = iter(mine_loader)
        errG1, errG2, errD = None, None, None
        for img_a, att_a in bar(train_loader):
            img_a, att_a, att_a_, att_b, att_b_ = self.prepare_data(img_a, att_a, args)
            phase = next(self.scheduler)
            self.train()
            if phase == 0:
                errG1 = self.trainG_P1(img_a, att_a, att_a_, att_b, att_b_)
                batch_iter = self.trainMI(batch_iter, mine_loader, args)
            elif phase == 1:
                errG2 = self.trainG_P2(img_a, att_a, att_a, att_b, att_b_)
            elif phase == 2:
                errD = self.trainD(img_a, att_a, att_a_, att_b, att_b_)
            self.it += 1
        self.epoch += 1

    def trainMI(self, batch_iter, mine_loader, args):
        for i in range(self.num_iter_MI):
            img_a, att_a, batch_iter = utils.nextbatch(batch_iter, mine_loader)
            img_a, att_a, att_a_, att_b, att_b_ = self.prepare_data(img_a, att_a, args)
            self.optim_mine.zero_grad()
            zs_a = self.G(img_a, mode='enc')
            half = self.dim_per_attr
            mine_loss = mi_criterion(zs_a[-1][:, :half].detach().view(zs_a[-1].size(0), -1),
                                     zs_a[-1][:, half:].detach().view(zs_a[-1].size(0), -1), self.mine)
            mine_loss.backward()
            self.optim_mine.step()
        return batch_iter

    def trainG_P1(self, img_a, att_a, att_a_, att_b, att_b_):
        for p in self.D.parameters():
            p.requires_grad = False
        zs_a = self.G(img_a, mode='enc')
        img_recon = self.G(zs_a[-1], att_a_, mode='dec')
        d_recon, dc_recon = self.D(img_recon), self.P(img_recon)
        if self.mode == 'wgan':
            gf_loss = -d_recon.mean()
        ga_loss = self._attr_criterion(zs_a[-1], att_a_)
        gc_loss = self.P._criterion_pred(dc_recon, att_a)
        gr_loss = F.l1_loss(img_recon, img_a)
        half = self.dim_per_attr
        mine_loss = mi_criterion(zs_a[-1][:, :half].detach().view(zs_a[-1].size(0), -1),
                                 zs_a[-1][:, half:].detach().view(zs_a[-1].size(0), -1), self.mine)
        g_loss = gf_loss + self.ga * ga_loss + self.gc * gc_loss + self.gr * gr_loss + self.mi * mine_loss
        self.optim_G.zero_grad()
        g_loss.backward()
        self.optim_G.step()
        return {'g_loss': g_loss.item()}

    def trainG_P2(self, img_a, att_a, att_a_, att_b, att_b_):
        for p in self.D.parameters():
            p.requires_grad = False
        zs_a = self.G(img_a, mode='enc')
        img_fake = self.G(zs_a[-1].detach(), att_b_, mode='dec_erase')
        img_recon = self.G(zs_a[-1].detach(), att_a_, mode='dec_erase')
        d_fake, dc_fake = self.D(img_fake), self.P(img_fake)
        d_recon, dc_recon = self.D(img_recon), self.P(img_recon)
        if self.mode == 'wgan':
            gf_loss = -d_fake.mean()
        if self.mode == 'lsgan':
            gf_loss = F.mse_loss(F.sigmoid(d_fake), torch.ones_like(d_fake))
        if self.mode == 'dcgan':
            gf_loss = F.binary_cross_entropy_with_logits(d_fake, torch.ones_like(d_fake))
        gc_loss = self.P._criterion_pred(dc_fake, att_b) + self.P._criterion_pred(dc_recon, att_a)
        gr_loss = F.l1_loss(img_recon, img_a)
        g_loss = gf_loss + self.gc * gc_loss + self.gr * gr_loss
        self.optim_G.zero_grad()
        g_loss.backward()
        self.optim_G.step()
        return {'g_loss': g_loss.item(), 'gf_loss': gf_loss.item(), 'gc_loss': gc_loss.item(),
                'gr_loss': gr_loss.item()}

    def trainD(self, img_a, att_a, att_a_, att_b, att_b_):
        for p in self.D.parameters():
            p.requires_grad = True
        d_real, dc_real = self.D(img_a), self.P(img_a)
        img_fake = self.G(img_a, att_b_).detach()
        d_fake, dc_fake = self.D(img_fake), self.P(img_fake)
        img_recon = self.G(img_a, att_a_).detach()
        d_recon, dc_recon = self.D(img_recon), self.P(img_recon)

        def gradient_penalty(f, real, fake=None):
            def interpolate(a, b=None):
                if b is None:
                    beta = torch.rand_like(a)
                    b = a + 0.5 * a.var().sqrt() * beta
                alpha = torch.rand(a.size(0), 1, 1, 1)
                alpha = alpha.cuda() if self.gpu else alpha
                return a + alpha * (b - a)
            x = interpolate(real, fake).requires_grad_(True)
            pred = f(x)
            if isinstance(pred, tuple):
                pred = pred[0]
            grad = autograd.grad(outputs=pred, inputs=x, grad_outputs=torch.ones_like(pred), create_graph=True,
                                 retain_graph=True, only_inputs=True)[0]
            grad = grad.view(grad.size(0), -1)
            return ((grad.norm(2, dim=1) - 1.0) ** 2).mean()

        if self.mode == 'wgan':
            df_loss = -(d_real.mean() - d_fake.mean())
            df_gp = gradient_penalty(self.D, img_a, img_fake)
            df_loss_recon = -(d_real.mean() - d_recon.mean())
            df_gp_recon = gradient_penalty(self.D, img_a, img_recon)
        dc_loss = F.binary_cross_entropy_with_logits(dc_fake, att_b) + \
            F.binary_cross_entropy_with_logits(dc_recon, att_a)
        d_loss = df_loss + df_loss_recon + self.gp * (df_gp + df_gp_recon)
        self.optim_D.zero_grad()
        d_loss.backward()
        self.optim_D.step()
        self.optim_P.zero_grad()  # expect: LG017
        self.optim_P.step()
        return {'d_loss': d_loss.item(), 'df_loss': df_loss.item(), 'df_gp': df_gp.item(),
                'dc_loss': dc_loss.item()}
