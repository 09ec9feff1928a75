"""part of look-alike project [LG006, LG015, LG018]: VIBE's loss returns the generator loss, which includes the adversarial term through the motion discriminator, and the discriminator's least-squares loss on detached generator motion; the keypoint MSE is built with reduction='none' and weighted by confidence before a mean."""
# Source: mkocabas/VIBE at 851f7794, lib/core/loss.py (VIBELoss, read as is); re-typed, identifiers renamed; the
# SMPL pose / shape losses shortened (batch_rodrigues as in the source's utils).
import torch
import torch.nn as nn


def encoder_disc_l2(disc_value):
    k = disc_value.shape[0]
    return torch.sum((disc_value - 1.0) ** 2) * 1.0 / k


def adv_disc_l2(real_value, fake_value):
    ka = real_value.shape[0]
    kb = fake_value.shape[0]
    lb, la = torch.sum(fake_value ** 2) / kb, torch.sum((real_value - 1) ** 2) / ka
    return la, lb, la + lb


class VideoPoseLoss(nn.Module):
    def __init__(self, e_loss_weight=60., e_3d_loss_weight=30., d_motion_loss_weight=1., device='cuda'):
        super(VideoPoseLoss, self).__init__()
        self.e_loss_weight = e_loss_weight
        self.e_3d_loss_weight = e_3d_loss_weight
        self.d_motion_loss_weight = d_motion_loss_weight
        self.device = device
        self.criterion_keypoints = nn.MSELoss(reduction='none').to(self.device)
        self.enc_loss = encoder_disc_l2
        self.dec_loss = adv_disc_l2

    def forward(self, generator_outputs, data_2d, data_3d, data_motion_mosh=None, motion_discriminator=None):
        reduce = lambda x: x.reshape((x.shape[0] * x.shape[1],) + x.shape[2:])
        all_thetas = torch.cat([o['theta'] for o in generator_outputs], 0)
        if data_2d:
            n2d = data_2d['kp_2d'].shape[0]
            real_2d = torch.cat((data_2d['kp_2d'], data_3d['kp_2d']), 0)
        else:
            n2d = 0
            real_2d = data_3d['kp_2d']
        real_2d = reduce(real_2d)
        real_3d = reduce(data_3d['kp_3d'])
        w_3d = data_3d['w_3d'].type(torch.bool).reshape(-1)
        preds = generator_outputs[-1]
        pred_j2d = reduce(preds['kp_2d'])
        pred_j3d = reduce(preds['kp_3d'][n2d:])[w_3d]
        real_3d = real_3d[w_3d]
        loss_kp_2d = self.keypoint_loss(pred_j2d, real_2d) * self.e_loss_weight
        loss_kp_3d = self.keypoint_3d_loss(pred_j3d, real_3d) * self.e_3d_loss_weight
        parts = {'loss_kp_2d': loss_kp_2d, 'loss_kp_3d': loss_kp_3d}
        gen_loss = torch.stack(list(parts.values())).sum()
        e_motion = self.enc_loss(motion_discriminator(all_thetas[:, :, 6:75])) * self.d_motion_loss_weight
        fake_motion = all_thetas.detach()
        real_motion = data_motion_mosh['theta']
        fake_value = motion_discriminator(fake_motion[:, :, 6:75])
        real_value = motion_discriminator(real_motion[:, :, 6:75])
        d_real, d_fake, d_loss = self.dec_loss(real_value, fake_value)
        parts['e_m_disc_loss'] = e_motion
        parts['d_m_disc_loss'] = d_loss * self.d_motion_loss_weight
        gen_loss = gen_loss + e_motion
        motion_dis_loss = d_loss * self.d_motion_loss_weight
        return gen_loss, motion_dis_loss, parts

    def keypoint_loss(self, pred, gt):
        conf = gt[:, :, -1].unsqueeze(-1).clone()
        return (conf * self.criterion_keypoints(pred, gt[:, :, :-1])).mean()

    def keypoint_3d_loss(self, pred, gt):
        pred = pred[:, 25:39, :]
        gt = gt[:, 25:39, :]
        if len(gt) > 0:
            gt = gt - ((gt[:, 2, :] + gt[:, 3, :]) / 2)[:, None, :]
            pred = pred - ((pred[:, 2, :] + pred[:, 3, :]) / 2)[:, None, :]
            return self.criterion_keypoints(pred, gt).mean()
        return torch.FloatTensor(1).fill_(0.).to(self.device)
