"""look-alike [LG001, LG002, LG006, LG013]: a research InfoGAN script: BCELoss on the sigmoid DHead flattened with .view(-1) against float labels; the two code groups' logits go to CrossEntropyLoss with softmax applied to the float code targets (class-probability targets, not to the input); per-epoch lists keep .item() and the validation MSE of detached, no_grad generator output."""
# Source: ZHTushar23/InfoGAN-PyTorch at 80ae29b0 (read as is), ES1_train_ada.py; re-typed, identifiers renamed; the
# absolute dataset paths (shortened to relative ones), the normalisation statistics and transform, the test loader,
# the early-stopping checkpoints, the commented continuous-code loss and the plotting cut. v2_utils.py,
# ES1_config.py, ES1_dataset.py and pytorchtools.py are not included; their names arrive through the source's star
# imports.
import time

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

from v2_utils import *
from ES1_config import params
from ES1_dataset import *
from pytorchtools import EarlyStopping
from models.es5_model import Generator, Discriminator, DHead, QHead

device = torch.device('cuda') if torch.cuda.is_available() else torch.device("cpu")
root_dir = "LES_MultiView_100m_64/"
split_dir = "data_split/cot_sza_%02d_vza_%02d" % (params['sza1'], params['vza1'])
train_data = NasaDataset(root_dir=root_dir, filelist=split_dir + "/train.csv", mode="infoGAN_cot")
valid_data = NasaDataset(root_dir=root_dir, filelist=split_dir + "/val.csv", mode="infoGAN_cot")
loader = DataLoader(train_data, batch_size=params['batch_size'], shuffle=True)
val_loader = DataLoader(valid_data, batch_size=params['batch_size'], shuffle=False)

for fold in range(2):
    early_stopping = EarlyStopping(patience=200, verbose=True, path='es1_saved_model/fold_%01d' % fold)
    netG = Generator(in_ch=2, out_ch=1).to(device)
    netG.apply(weights_init)
    disc = Discriminator(in_channels=1).to(device)
    disc.apply(weights_init)
    netD = DHead().to(device)
    netD.apply(weights_init)
    netQ = QHead().to(device)
    netQ.apply(weights_init)

    crit_D = nn.BCELoss()
    crit_Q_dis = nn.CrossEntropyLoss()
    crit_Q_con = NormalNLLLoss()
    optD = optim.Adam([{'params': disc.parameters()}, {'params': netD.parameters()}], lr=params['learning_rate'],
                      betas=(params['beta1'], params['beta2']))
    optG = optim.Adam([{'params': netG.parameters()}, {'params': netQ.parameters()}], lr=params['learning_rate'],
                      betas=(params['beta1'], params['beta2']))
    real_label = 1
    fake_label = 0
    G_losses, D_losses = [], []

    for epoch in range(params['num_epochs']):
        g_hist, d_hist = [], []
        for i, batch in enumerate(loader, 0):
            noise, real = batch['input'], batch['target']
            idxx, style = batch['idxx'], batch['code']
            b = real.size(0)
            real = real.to(device, dtype=torch.float32)

            optD.zero_grad()
            label = torch.full((b,), real_label, device=device).to(torch.float32)
            p_real = netD(disc(real)).view(-1)
            loss_real = crit_D(p_real, label)
            loss_real.backward()
            label.fill_(fake_label)
            noise = noise.to(device, dtype=torch.float32)
            style = style.to(device, dtype=torch.float32)
            fake = netG(noise, style)
            p_fake = netD(disc(fake.detach())).view(-1)
            loss_fake = crit_D(p_fake, label)
            loss_fake.backward()
            D_loss = loss_real + loss_fake
            optD.step()

            optG.zero_grad()
            feats = disc(fake)
            label.fill_(real_label)
            p_fake = netD(feats).view(-1)
            gen_loss = crit_D(p_fake, label)
            q_logits, q_mu, q_var = netQ(feats)
            target = idxx.to(device, dtype=torch.float32)
            dis_loss1 = crit_Q_dis(q_logits[:, :4], target[:, :4].softmax(dim=1))
            dis_loss2 = crit_Q_dis(q_logits[:, 4:], target[:, 4:].softmax(dim=1))
            dis_loss = dis_loss1 + dis_loss2
            con_loss = 0
            G_loss = gen_loss + dis_loss + con_loss
            G_loss.backward()
            optG.step()
            g_hist.append(G_loss.item())
            d_hist.append(D_loss.item())

        G_losses.append(np.average(g_hist))
        D_losses.append(np.average(d_hist))

        val_hist = []
        for i, batch in enumerate(val_loader):
            noise, target, style = batch['input'], batch['target'], batch['code']
            noise = noise.to(device, dtype=torch.float32)
            style = style.to(device, dtype=torch.float32)
            with torch.no_grad():
                gen = netG(noise, style).detach().cpu()
            mse = torch.mean((gen - target) ** 2)
            val_hist.append(mse)
        val_loss = np.average(val_hist)
        print('[%d/%d]\tLoss_D: %.4f\tLoss_G: %.4f\tVal_Loss_G: %.4f'
              % (epoch + 1, params['num_epochs'], np.average(d_hist), np.average(g_hist), val_loss))
        early_stopping(val_loss=val_loss, netD=netD, netG=netG, netQ=netQ, discriminator=disc, optimD=optD,
                       optimG=optG, params=params)
        if early_stopping.early_stop:
            break
