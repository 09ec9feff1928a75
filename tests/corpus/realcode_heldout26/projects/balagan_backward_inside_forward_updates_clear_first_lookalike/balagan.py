"""part of look-alike project [LG001, LG014, LG017, LG018]: the model's forward takes a mode and calls backward() itself: in 'gen_update' on the weighted adversarial, reconstruction and feature-matching terms (which go through the discriminator), in 'dis_update' on the real hinge, class and R1 terms (retain_graph) and then on the fake hinge term."""
# Source: orpatashnik/BalaGAN at a34fba9f (read as is; issue #4 asks why the discriminator is not frozen during the
# generator update), balagan.py;
# re-typed, identifiers renamed; test() cut.
import copy

import torch
import torch.nn as nn

from networks.GAN import Discriminator, Generator


def recon_criterion(predict, target):
    return torch.mean(torch.abs(predict - target))


class TranslationGAN(nn.Module):
    def __init__(self, config):
        super(TranslationGAN, self).__init__()
        self.config = config
        self.gen = Generator(config)
        self.dis = Discriminator(config)
        self.gen_test = copy.deepcopy(self.gen)

    def forward(self, source_data, target_data, hp, mode):
        xa = source_data[0].to(self.config['device'])
        la = source_data[1].to(self.config['device'])
        xb = target_data[0].to(self.config['device'])
        lb = target_data[1].to(self.config['device'])
        if mode == 'gen_update':
            c_xa = self.gen.enc_content(xa)
            s_xa = self.gen.enc_class_model(xa)
            s_xb = self.gen.enc_class_model(xb)
            xt = self.gen.decode(c_xa, s_xb)
            xr = self.gen.decode(c_xa, s_xa)
            l_adv_t, gacc_t, xt_feat = self.dis.calc_gen_loss(xt, lb)
            l_adv_r, gacc_r, xr_feat = self.dis.calc_gen_loss(xr, la)
            _, xb_feat, _, _, _ = self.dis(xb, lb)
            _, xa_feat, _, _, _ = self.dis(xa, la)
            l_c_rec = recon_criterion(xr_feat.mean(3).mean(2), xa_feat.mean(3).mean(2))
            l_m_rec = recon_criterion(xt_feat.mean(3).mean(2), xb_feat.mean(3).mean(2))
            l_x_rec = recon_criterion(xr, xa)
            l_adv = 0.5 * (l_adv_t + l_adv_r)
            acc = 0.5 * (gacc_t + gacc_r)
            l_total = hp['gan']['gan_w'] * l_adv + hp['gan']['r_w'] * l_x_rec + hp['gan']['fm_w'] * (l_c_rec + l_m_rec)
            l_total.backward()
            return l_total, l_adv, l_x_rec, l_c_rec, l_m_rec, acc
        elif mode == 'dis_update':
            xb.requires_grad_()
            l_real_pre, acc_r, resp_r = self.dis.calc_dis_real_loss(xb, lb)
            l_cls_pre, _ = self.dis.calc_dis_cls_loss(xb, lb)
            l_real = hp['gan']['gan_w'] * l_real_pre
            l_cls = hp['gan']['gan_w'] * l_cls_pre
            l_real.backward(retain_graph=True)
            l_cls.backward(retain_graph=True)
            l_reg_pre = self.dis.calc_grad2(resp_r, xb)
            l_reg = 10 * l_reg_pre
            l_reg.backward()
            with torch.no_grad():
                c_xa = self.gen.enc_content(xa)
                s_xb = self.gen.enc_class_model(xb)
                xt = self.gen.decode(c_xa, s_xb)
            l_fake_p, acc_f, resp_f = self.dis.calc_dis_fake_loss(xt.detach(), lb)
            l_fake = hp['gan']['gan_w'] * l_fake_p
            l_fake.backward()
            l_total = l_fake + l_real + l_reg
            acc = 0.5 * (acc_f + acc_r)
            return l_total, l_fake_p, l_real_pre, l_reg_pre, acc, l_cls
        else:
            assert 0, 'Not support operation'
