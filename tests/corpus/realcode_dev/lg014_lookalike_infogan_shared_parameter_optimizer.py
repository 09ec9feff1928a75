"""look-alike [LG014]: infoGAN's info_optimizer covers chain(G.parameters(), D.parameters()); D_optimizer.zero_grad() and G_optimizer.zero_grad() clear exactly those parameters every iteration, so nothing accumulates across steps."""
# Source: https://github.com/znxlwm/pytorch-generative-model-collections infoGAN.py at
# 0d183bb5ea2fbe069e1c6806c4a9a1fd8e81656f (a false alarm of this survey); re-typed, names changed, reduced. Correct code.
import itertools

import torch
import torch.nn as nn
import torch.optim as optim


class infoGAN(object):
    def __init__(self, G, D, lrG=0.0002, lrD=0.0002, beta1=0.5, beta2=0.999, epoch=50):
        self.G = G
        self.D = D
        self.epoch = epoch
        self.G_optimizer = optim.Adam(self.G.parameters(), lr=lrG, betas=(beta1, beta2))
        self.D_optimizer = optim.Adam(self.D.parameters(), lr=lrD, betas=(beta1, beta2))
        self.info_optimizer = optim.Adam(itertools.chain(self.G.parameters(), self.D.parameters()), lr=lrD, betas=(beta1, beta2))
        self.BCE_loss = nn.BCELoss()
        self.CE_loss = nn.CrossEntropyLoss()
        self.MSE_loss = nn.MSELoss()

    def train(self, data_loader, z_dim=62, len_disc=10, len_cont=2):
        for epoch in range(self.epoch):
            for iter, (x_, y_) in enumerate(data_loader):
                batch = x_.size(0)
                y_real_, y_fake_ = torch.ones(batch, 1), torch.zeros(batch, 1)
                z_ = torch.rand((batch, z_dim))
                y_disc_ = torch.zeros((batch, len_disc)).scatter_(1, y_.type(torch.LongTensor).unsqueeze(1), 1)
                y_cont_ = torch.rand((batch, len_cont)) * 2 - 1

                self.D_optimizer.zero_grad()
                D_real, _, _ = self.D(x_)
                D_real_loss = self.BCE_loss(D_real, y_real_)
                G_ = self.G(z_, y_cont_, y_disc_)
                D_fake, _, _ = self.D(G_)
                D_fake_loss = self.BCE_loss(D_fake, y_fake_)
                D_loss = D_real_loss + D_fake_loss
                D_loss.backward(retain_graph=True)
                self.D_optimizer.step()

                self.G_optimizer.zero_grad()
                G_ = self.G(z_, y_cont_, y_disc_)
                D_fake, D_cont, D_disc = self.D(G_)
                G_loss = self.BCE_loss(D_fake, y_real_)
                G_loss.backward(retain_graph=True)
                self.G_optimizer.step()

                disc_loss = self.CE_loss(D_disc, torch.max(y_disc_, 1)[1])
                cont_loss = self.MSE_loss(D_cont, y_cont_)
                info_loss = disc_loss + cont_loss
                info_loss.backward()
                self.info_optimizer.step()
