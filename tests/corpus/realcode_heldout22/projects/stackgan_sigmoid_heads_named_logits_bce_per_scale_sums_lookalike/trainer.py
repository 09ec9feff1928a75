"""part of look-alike project [LG002, LG003, LG006]: the conditional trainer scores the discriminators' sigmoid outputs (called logits) with nn.BCELoss against float 1/0 label vectors; train_Gnet adds the per-scale generator terms to errG_total inside one step before one backward; the loop sums the per-discriminator losses of one step into errD_total (reset every step) for the summary."""
# Source: hanzhanggit/StackGAN-v2 at 6228e347 (read at the code issue #29, "RuntimeError: reduce failed to synchronize:
# device-side assert triggered" (the BCE input-range assert), is about), code/trainer.py;
# re-typed, identifiers renamed; the colour-consistency terms, summaries, snapshots, inception score and the
# data-preparation helper shortened (load_network, define_optimizers, copy_G_params, KL_loss, summary and cfg come
# from the cut part).
import time

import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

from miscc.config import cfg


class condGANTrainer(object):
    def train_Dnet(self, idx, count):
        flag = count % 100
        bsz = self.real_imgs[0].size(0)
        criterion, mu = self.criterion, self.mu

        netD, optD = self.netsD[idx], self.optimizersD[idx]
        real_imgs = self.real_imgs[idx]
        wrong_imgs = self.wrong_imgs[idx]
        fake_imgs = self.fake_imgs[idx]
        netD.zero_grad()
        real_labels = self.real_labels[:bsz]
        fake_labels = self.fake_labels[:bsz]
        real_logits = netD(real_imgs, mu.detach())
        wrong_logits = netD(wrong_imgs, mu.detach())
        fake_logits = netD(fake_imgs.detach(), mu.detach())

        errD_real = criterion(real_logits[0], real_labels)
        errD_wrong = criterion(wrong_logits[0], fake_labels)
        errD_fake = criterion(fake_logits[0], fake_labels)
        if len(real_logits) > 1 and cfg.TRAIN.COEFF.UNCOND_LOSS > 0:
            errD_real_uncond = cfg.TRAIN.COEFF.UNCOND_LOSS * criterion(real_logits[1], real_labels)
            errD_wrong_uncond = cfg.TRAIN.COEFF.UNCOND_LOSS * criterion(wrong_logits[1], real_labels)
            errD_fake_uncond = cfg.TRAIN.COEFF.UNCOND_LOSS * criterion(fake_logits[1], fake_labels)
            errD_real = errD_real + errD_real_uncond
            errD_wrong = errD_wrong + errD_wrong_uncond
            errD_fake = errD_fake + errD_fake_uncond
            errD = errD_real + errD_wrong + errD_fake
        else:
            errD = errD_real + 0.5 * (errD_wrong + errD_fake)
        errD.backward()
        optD.step()
        if flag == 0:
            summary_D = summary.scalar("D_loss%d" % idx, errD.data[0])
            self.summary_writer.add_summary(summary_D, count)
        return errD

    def train_Gnet(self, count):
        self.netG.zero_grad()
        errG_total = 0
        bsz = self.real_imgs[0].size(0)
        criterion, mu, logvar = self.criterion, self.mu, self.logvar
        real_labels = self.real_labels[:bsz]
        for i in range(self.num_Ds):
            outs = self.netsD[i](self.fake_imgs[i], mu)
            errG = criterion(outs[0], real_labels)
            if len(outs) > 1 and cfg.TRAIN.COEFF.UNCOND_LOSS > 0:
                errG_patch = cfg.TRAIN.COEFF.UNCOND_LOSS * criterion(outs[1], real_labels)
                errG = errG + errG_patch
            errG_total = errG_total + errG

        kl_loss = KL_loss(mu, logvar) * cfg.TRAIN.COEFF.KL
        errG_total = errG_total + kl_loss
        errG_total.backward()
        self.optimizerG.step()
        return kl_loss, errG_total

    def train(self):
        self.netG, self.netsD, self.num_Ds, self.inception_model, start_count = load_network(self.gpus)
        avg_param_G = copy_G_params(self.netG)
        self.optimizerG, self.optimizersD = define_optimizers(self.netG, self.netsD)

        self.criterion = nn.BCELoss()
        self.real_labels = Variable(torch.FloatTensor(self.batch_size).fill_(1))
        self.fake_labels = Variable(torch.FloatTensor(self.batch_size).fill_(0))

        nz = cfg.GAN.Z_DIM
        noise = Variable(torch.FloatTensor(self.batch_size, nz))
        if cfg.CUDA:
            self.criterion.cuda()
            self.real_labels = self.real_labels.cuda()
            self.fake_labels = self.fake_labels.cuda()
            noise = noise.cuda()

        predictions = []
        count = start_count
        start_epoch = start_count // self.num_batches
        for epoch in range(start_epoch, self.max_epoch):
            start_t = time.time()
            for step, data in enumerate(self.data_loader, 0):
                self.imgs_tcpu, self.real_imgs, self.wrong_imgs, self.txt_embedding = self.prepare_data(data)

                noise.data.normal_(0, 1)
                self.fake_imgs, self.mu, self.logvar = self.netG(noise, self.txt_embedding)

                errD_total = 0
                for i in range(self.num_Ds):
                    errD = self.train_Dnet(i, count)
                    errD_total += errD

                kl_loss, errG_total = self.train_Gnet(count)
                for p, avg_p in zip(self.netG.parameters(), avg_param_G):
                    avg_p.mul_(0.999).add_(0.001, p.data)

                pred = self.inception_model(self.fake_imgs[-1].detach())
                predictions.append(pred.data.cpu().numpy())

                if count % 100 == 0:
                    summary_D = summary.scalar("D_loss", errD_total.data[0])
                    summary_G = summary.scalar("G_loss", errG_total.data[0])
                    self.summary_writer.add_summary(summary_D, count)
                    self.summary_writer.add_summary(summary_G, count)
                count = count + 1
