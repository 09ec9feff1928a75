"""part of positive project [LG016]: the UNIT trainer holds two VAE generators and two multi-scale discriminators; gen_update adds the discriminators' generator losses to the reconstruction and KL terms, dis_update clears the discriminator optimizer and back-propagates calc_dis_loss on detached translations."""
# Source: mingyuliutw/UNIT at 28d59829 (read as is), trainer.py (UNIT_Trainer); re-typed, identifiers renamed; the VGG
# perceptual loss, sample(), resume() and save() cut; the loss weights kept as in the source.
import torch
import torch.nn as nn

from networks import MultiScaleDis, VAEGen
from utils import get_scheduler, weights_init


class UnitTrainer(nn.Module):
    def __init__(self, hp):
        super(UnitTrainer, self).__init__()
        lr = hp['lr']
        self.gen_a = VAEGen(hp['input_dim_a'], hp['gen'])
        self.gen_b = VAEGen(hp['input_dim_b'], hp['gen'])
        self.dis_a = MultiScaleDis(hp['input_dim_a'], hp['dis'])
        self.dis_b = MultiScaleDis(hp['input_dim_b'], hp['dis'])
        dis_params = list(self.dis_a.parameters()) + list(self.dis_b.parameters())
        gen_params = list(self.gen_a.parameters()) + list(self.gen_b.parameters())
        self.dis_opt = torch.optim.Adam([p for p in dis_params if p.requires_grad], lr=lr,
                                        betas=(hp['beta1'], hp['beta2']), weight_decay=hp['weight_decay'])
        self.gen_opt = torch.optim.Adam([p for p in gen_params if p.requires_grad], lr=lr,
                                        betas=(hp['beta1'], hp['beta2']), weight_decay=hp['weight_decay'])
        self.dis_scheduler = get_scheduler(self.dis_opt, hp)
        self.gen_scheduler = get_scheduler(self.gen_opt, hp)
        self.apply(weights_init(hp['init']))
        self.dis_a.apply(weights_init('gaussian'))
        self.dis_b.apply(weights_init('gaussian'))

    def recon_criterion(self, input, target):
        return torch.mean(torch.abs(input - target))

    def _kl(self, mu):
        return torch.mean(torch.pow(mu, 2))

    def gen_update(self, x_a, x_b, hp):
        self.gen_opt.zero_grad()
        h_a, n_a = self.gen_a.encode(x_a)
        h_b, n_b = self.gen_b.encode(x_b)
        x_a_recon = self.gen_a.decode(h_a + n_a)
        x_b_recon = self.gen_b.decode(h_b + n_b)
        x_ba = self.gen_a.decode(h_b + n_b)
        x_ab = self.gen_b.decode(h_a + n_a)
        h_b_recon, n_b_recon = self.gen_a.encode(x_ba)
        h_a_recon, n_a_recon = self.gen_b.encode(x_ab)
        x_aba = self.gen_a.decode(h_a_recon + n_a_recon)
        x_bab = self.gen_b.decode(h_b_recon + n_b_recon)
        self.loss_gen_adv_a = self.dis_a.calc_gen_loss(x_ba)
        self.loss_gen_adv_b = self.dis_b.calc_gen_loss(x_ab)
        self.loss_gen_total = hp['gan_w'] * self.loss_gen_adv_a + \
            hp['gan_w'] * self.loss_gen_adv_b + \
            hp['recon_x_w'] * self.recon_criterion(x_a_recon, x_a) + \
            hp['recon_kl_w'] * self._kl(h_a) + \
            hp['recon_x_w'] * self.recon_criterion(x_b_recon, x_b) + \
            hp['recon_kl_w'] * self._kl(h_b) + \
            hp['recon_x_cyc_w'] * self.recon_criterion(x_aba, x_a) + \
            hp['recon_kl_cyc_w'] * self._kl(h_a_recon) + \
            hp['recon_x_cyc_w'] * self.recon_criterion(x_bab, x_b) + \
            hp['recon_kl_cyc_w'] * self._kl(h_b_recon)
        self.loss_gen_total.backward()
        self.gen_opt.step()

    def dis_update(self, x_a, x_b, hp):
        self.dis_opt.zero_grad()
        h_a, n_a = self.gen_a.encode(x_a)
        h_b, n_b = self.gen_b.encode(x_b)
        x_ba = self.gen_a.decode(h_b + n_b)
        x_ab = self.gen_b.decode(h_a + n_a)
        self.loss_dis_a = self.dis_a.calc_dis_loss(x_ba.detach(), x_a)
        self.loss_dis_b = self.dis_b.calc_dis_loss(x_ab.detach(), x_b)
        self.loss_dis_total = hp['gan_w'] * self.loss_dis_a + hp['gan_w'] * self.loss_dis_b
        self.loss_dis_total.backward()
        self.dis_opt.step()

    def update_learning_rate(self):
        if self.dis_scheduler is not None:
            self.dis_scheduler.step()
        if self.gen_scheduler is not None:
            self.gen_scheduler.step()
