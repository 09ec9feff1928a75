"""part of look-alike project [LG006, LG014, LG017, LG018]: the solver keeps one Adam per network in a Munch, clears both through _reset_grad() before one backward of the VAE loss, then steps both; it overrides nn.Module.train with its own loop."""
# Source: sehyeona/VAE-pytorch at a970286f1d9e76f9b958ff89365d7c3294206a30 core/solver.py (checkpoint helpers shortened; the Munch optimizers, _reset_grad, compute_VAE_loss, the train loop with its last-iteration loss dict and forward kept)
import os
from os.path import join as ospj
import time
import datetime
from munch import Munch

import torch
import torch.nn as nn
import torch.nn.functional as F

from .model import build_nets
from .checkpoint import CheckpointIO
from .loss import compute_KL_loss, compute_reconstruct_loss


class VAE(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.args = args
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

        self.nets = build_nets(args)
        for name, module in self.nets.items():
            setattr(self, name, module)

        if args.mode == 'train':
            self.optims = Munch()
            for net in self.nets.keys():
                self.optims[net] = torch.optim.Adam(
                    params=self.nets[net].parameters(),
                    lr=args.lr,
                    betas=[args.beta1, args.beta2],
                    weight_decay=args.weight_decay)
            self.ckptios = [
                CheckpointIO(ospj(args.checkpoint_dir, '{:06d}_nets.ckpt'), **self.nets),
                CheckpointIO(ospj(args.checkpoint_dir, '{:06d}_optims.ckpt'), **self.optims)]
        else:
            self.ckptios = [CheckpointIO(ospj(args.checkpoint_dir, '{:06d}_nets.ckpt'), **self.nets)]

        self.to(self.device)

    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        return mu + eps * std

    def _save_checkpoint(self, step):
        for ckptio in self.ckptios:
            ckptio.save(step)

    def _load_checkpoint(self, step):
        for ckptio in self.ckptios:
            ckptio.load(step)

    def _reset_grad(self):
        for optim in self.optims.values():
            optim.zero_grad()

    def compute_VAE_loss(self, x):
        mu, logvar = self.nets.encoder(x)
        z = self.reparameterize(mu, logvar)
        recon_x = self.nets.decoder(z)
        KL_loss = compute_KL_loss(mu, logvar)
        r_loss = self.args.recon_weight * compute_reconstruct_loss(x, recon_x)
        loss = KL_loss + r_loss
        return loss, Munch(KL_loss=KL_loss, r_loss=r_loss, reg=loss)

    def train(self, loaders):
        args = self.args
        optims = self.optims

        if args.resume_iter > 0:
            self._load_checkpoint(args.resume_iter)

        start_time = time.time()
        train_loader = loaders.src
        for i in range(args.resume_iter, args.total_iters):
            for x in train_loader:
                x = x.to(self.device)
                vae_loss, vae_loss_ref = self.compute_VAE_loss(x)
                self._reset_grad()
                vae_loss.backward()
                optims.encoder.step()
                optims.decoder.step()

            if (i + 1) % args.save_every == 0:
                self._save_checkpoint(step=i + 1)

            if (i + 1) % args.print_every == 0:
                elapsed = str(datetime.timedelta(seconds=time.time() - start_time))[:-7]
                log = "Elapsed time [%s], Iteration [%i/%i], " % (elapsed, i + 1, args.total_iters)
                all_losses = dict()
                for loss, prefix in zip([vae_loss_ref], ['VAE_loss']):
                    for key, value in loss.items():
                        all_losses[prefix + key] = value
                log += ' '.join(['%s: [%.4f]' % (key, value) for key, value in all_losses.items()])
                print(log)

    def forward(self, x):
        mu, logvar = self.nets.encoder(x)
        vector = self.reparameterize(mu, logvar)
        recon_img = self.nets.decoder(vector)
        return recon_img
