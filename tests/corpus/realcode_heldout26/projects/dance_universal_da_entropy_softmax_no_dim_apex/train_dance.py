"""part of positive project [LG011]: universal domain adaptation: cross entropy on the source scores, neighbourhood clustering (entropy over target scores and memory-bank similarities, concatenated on dim 1) and entropy separation on the target scores, summed and back-propagated through apex amp for two optimizers."""
# Source: VisionLearningGroup/DANCE at 6d84da24 (read as is), train_dance.py; re-typed, identifiers renamed; the argument / YAML
# config parsing, the loaders, the per-parameter learning rates and the test call shortened (conf, source_loader,
# target_loader, batch_size, get_model_mme, LinearAverage, inv_lr_scheduler as in the source).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from apex import amp
from torch.autograd import Variable

from utils.loss import *

G, C1 = get_model_mme(conf.model.base_model, num_class=num_class, temp=conf.model.temp)
G.cuda()
C1.cuda()
memory = LinearAverage(2048, ndata, conf.model.temp, conf.train.momentum).cuda()
opt_g = optim.SGD(g_params, momentum=conf.train.sgd_momentum, weight_decay=0.0005, nesterov=True)
opt_c1 = optim.SGD(list(C1.parameters()), lr=1.0, momentum=conf.train.sgd_momentum, weight_decay=0.0005,
                   nesterov=True)
[G, C1], [opt_g, opt_c1] = amp.initialize([G, C1], [opt_g, opt_c1], opt_level="O1")
G = nn.DataParallel(G)
C1 = nn.DataParallel(C1)


def train():
    criterion = nn.CrossEntropyLoss().cuda()
    iter_s = iter(source_loader)
    iter_t = iter(target_loader)
    for step in range(conf.train.min_step + 1):
        G.train()
        C1.train()
        if step % len(target_loader) == 0:
            iter_t = iter(target_loader)
        if step % len(source_loader) == 0:
            iter_s = iter(source_loader)
        data_t = next(iter_t)
        data_s = next(iter_s)
        inv_lr_scheduler(param_lr_g, opt_g, step, init_lr=conf.train.lr, max_iter=conf.train.min_step)
        inv_lr_scheduler(param_lr_f, opt_c1, step, init_lr=conf.train.lr, max_iter=conf.train.min_step)
        img_s, label_s = Variable(data_s[0].cuda()), Variable(data_s[1].cuda())
        img_t = Variable(data_t[0].cuda())
        index_t = Variable(data_t[2].cuda())
        if len(img_t) < batch_size or len(img_s) < batch_size:
            break
        opt_g.zero_grad()
        opt_c1.zero_grad()
        C1.module.weight_norm()
        out_s = C1(G(img_s))
        loss_s = criterion(out_s, label_s)

        feat_t = G(img_t)
        out_t = C1(feat_t)
        feat_t = F.normalize(feat_t)
        sim_mem = memory(feat_t, index_t)
        sim_mem[:, index_t] = -1 / conf.model.temp
        sim_batch = torch.matmul(feat_t, feat_t.t()) / conf.model.temp
        mask = torch.eye(sim_batch.size(0), sim_batch.size(0)).bool().cuda()
        sim_batch.masked_fill_(mask, -1 / conf.model.temp)
        loss_nc = conf.train.eta * entropy(torch.cat([out_t, sim_mem, sim_batch], 1))
        loss_ent = conf.train.eta * entropy_margin(out_t, conf.train.thr, conf.train.margin)
        total = loss_nc + loss_s + loss_ent
        with amp.scale_loss(total, [opt_g, opt_c1]) as scaled_loss:
            scaled_loss.backward()
        opt_g.step()
        opt_c1.step()
        opt_g.zero_grad()
        opt_c1.zero_grad()
        memory.update_weight(feat_t, index_t)
        if step % conf.train.log_interval == 0:
            print('Train [{}/{}] Loss Source: {:.6f} Loss NC: {:.6f} Loss ENS: {:.6f}'.format(
                step, conf.train.min_step, loss_s.item(), loss_nc.item(), loss_ent.item()))


train()
