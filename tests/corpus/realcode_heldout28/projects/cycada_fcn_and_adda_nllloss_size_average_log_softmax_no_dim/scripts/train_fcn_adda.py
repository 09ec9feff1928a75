"""part of positive project [LG010, LG011]: the pixel-level ADDA trainer's supervised_loss builds nn.NLLLoss(weight=..., size_average=True, ignore_index=255) on log_softmax(dim=1) scores; the discriminator and the target network each clear both optimizers before their own backward and step, and the logs keep .item() values."""
# Source: jhoffman/cycada_release at e04d72fb, scripts/train_fcn_adda.py (read as is); re-typed, identifiers renamed; the click
# options, the log-directory naming, the IoU bookkeeping, snapshots and the lsgan branch's callers shortened
# (check_label, AddaDataLoader, get_model, Discriminator, make_variable as in the source's modules).
import os
from collections import deque

import numpy as np
import torch
import torch.nn.functional as F
from tensorboardX import SummaryWriter
from torch.autograd import Variable

from cycada.data.adda_datasets import AddaDataLoader
from cycada.models import get_model, Discriminator
from cycada.tools.util import make_variable


def supervised_loss(score, label, weights=None):
    nll = torch.nn.NLLLoss(weight=weights, size_average=True,  # expect: LG010
                           ignore_index=255)
    loss = nll(F.log_softmax(score, dim=1), label)
    return loss


def discriminator_loss(score, target_val, lsgan=False):
    if lsgan:
        loss = 0.5 * torch.mean((score - target_val) ** 2)
    else:
        _, _, h, w = score.size()
        target = Variable(target_val * torch.ones(1, h, w), requires_grad=False).long().cuda()
        loss = supervised_loss(score, target)
    return loss


def main(output, dataset, datadir, lr, momentum, downscale, cls_weights, gpu, weights_init, num_cls, lsgan, max_iter,
         lambda_d, lambda_g, train_discrim_only, weights_discrim, crop_size, weights_shared, discrim_feat, half_crop,
         batch, model):
    np.random.seed(1337)
    torch.manual_seed(1337)
    writer = SummaryWriter(log_dir='runs/' + model)
    os.environ['CUDA_VISIBLE_DEVICES'] = gpu
    net = get_model(model, num_cls=num_cls, pretrained=True, weights_init=weights_init, output_last_ft=discrim_feat)
    if weights_shared:
        net_src = net
    else:
        net_src = get_model(model, num_cls=num_cls, pretrained=True, weights_init=weights_init,
                            output_last_ft=discrim_feat)
        net_src.eval()
    odim = 1 if lsgan else 2
    idim = num_cls if not discrim_feat else 4096
    discriminator = Discriminator(input_dim=idim, output_dim=odim, pretrained=not (weights_discrim is None),
                                  weights_init=weights_discrim).cuda()
    loader = AddaDataLoader(net.transform, dataset, datadir, downscale, crop_size=crop_size, half_crop=half_crop,
                            batch_size=batch, shuffle=True, num_workers=2)
    weights = np.loadtxt(cls_weights) if cls_weights is not None else None
    opt_dis = torch.optim.SGD(discriminator.parameters(), lr=lr, momentum=momentum, weight_decay=0.0005)
    opt_rep = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum, weight_decay=0.0005)

    iteration = 0
    num_update_g = 0
    losses_super_s = deque(maxlen=100)
    losses_dis = deque(maxlen=100)
    losses_rep = deque(maxlen=100)
    accuracies_dom = deque(maxlen=100)
    net.train()
    discriminator.train()
    while iteration < max_iter:
        for im_s, im_t, label_s, label_t in loader:
            if iteration > max_iter:
                break
            im_s = make_variable(im_s, requires_grad=False)
            label_s = make_variable(label_s, requires_grad=False)
            im_t = make_variable(im_t, requires_grad=False)

            # discriminator
            opt_dis.zero_grad()
            opt_rep.zero_grad()
            score_s = Variable(net_src(im_s).data, requires_grad=False)
            dis_score_s = discriminator(score_s)
            score_t = Variable(net(im_t).data, requires_grad=False)
            dis_score_t = discriminator(score_t)
            dis_pred = torch.cat((dis_score_s, dis_score_t))
            n_t, _, h, w = dis_score_t.size()
            n_s, _, _, _ = dis_score_s.size()
            dis_label = make_variable(torch.cat([torch.ones(n_s, h, w).long(), torch.zeros(n_t, h, w).long()]),
                                      requires_grad=False)
            loss_dis = supervised_loss(dis_pred, dis_label)
            (lambda_d * loss_dis).backward()
            losses_dis.append(loss_dis.item())
            opt_dis.step()
            pred_dis = torch.squeeze(dis_pred.max(1)[1])
            dom_acc = (pred_dis == dis_label).float().mean().item()
            accuracies_dom.append(dom_acc * 100.)
            writer.add_scalar('loss/discriminator', np.mean(losses_dis), iteration)

            # target network, adversarial
            if not train_discrim_only and np.mean(accuracies_dom) > 60:
                num_update_g += 1
                opt_dis.zero_grad()
                opt_rep.zero_grad()
                score_t = net(im_t)
                dis_score_t = discriminator(score_t)
                n, _, h, w = dis_score_t.size()
                fake_as_source = make_variable(torch.ones(n, h, w).long(), requires_grad=False)
                loss_gan_t = supervised_loss(dis_score_t, fake_as_source)
                (lambda_g * loss_gan_t).backward()
                losses_rep.append(loss_gan_t.item())
                opt_rep.step()

            # target network, source supervision
            if (not train_discrim_only) and weights_shared and (np.mean(accuracies_dom) > 60):
                opt_dis.zero_grad()
                opt_rep.zero_grad()
                score_s = net(im_s)
                loss_sup = supervised_loss(score_s, label_s, weights=weights)
                loss_sup.backward()
                losses_super_s.append(loss_sup.item())
                opt_rep.step()
            iteration += 1
