"""positive [LG011]: SnapMix's semantic percent map takes F.softmax of the classifier scores without dim; the training step mixes two per-sample CrossEntropyLoss(reduction='none') terms with per-sample lambdas and reduces them with torch.mean before backward."""
# Source: https://github.com/Shaoli-Huang/SnapMix utils/mixmethod.py, utils/trainutil.py and trainer/comm_train.py at
# 245bda44444879563fafad90062655e2911cc75d (issue #5 "Implicit dimension choice for F.softmax warning"); re-typed,
# names changed, reduced.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import utils


def get_criterion(conf):
    reduction = "mean"
    if "reduction" in conf:
        reduction = conf.reduction
    return eval("nn." + conf.criterion)(reduction=reduction).cuda()


def get_spm(input, target, conf, model):
    imgsize = (conf.cropsize, conf.cropsize)
    bs = input.size(0)
    with torch.no_grad():
        output, fms, _ = model(input)
        clsw = model.module.classifier
        weight = clsw.weight.data
        bias = clsw.bias.data
        weight = weight.view(weight.size(0), weight.size(1), 1, 1)
        fms = F.relu(fms)
        poolfea = F.adaptive_avg_pool2d(fms, (1, 1)).squeeze()
        clslogit = F.softmax(clsw.forward(poolfea))  # expect: LG011
        logitlist = []
        for i in range(bs):
            logitlist.append(clslogit[i, target[i]])
        clslogit = torch.stack(logitlist)
        out = F.conv2d(fms, weight, bias=bias)
        outmaps = torch.stack([out[i, target[i]] for i in range(bs)])
        outmaps = outmaps.view(outmaps.size(0), 1, outmaps.size(1), outmaps.size(2))
        outmaps = F.interpolate(outmaps, imgsize, mode="bilinear", align_corners=False).squeeze()
        for i in range(bs):
            outmaps[i] -= outmaps[i].min()
            outmaps[i] /= outmaps[i].sum()
    return outmaps, clslogit


def snapmix(input, target, conf, model=None):
    lam_a = torch.ones(input.size(0))
    lam_b = 1 - lam_a
    target_b = target.clone()
    if np.random.rand(1) < conf.prob:
        wfmaps, _ = get_spm(input, target, conf, model)
        bs = input.size(0)
        lam = np.random.beta(conf.beta, conf.beta)
        rand_index = torch.randperm(bs).cuda()
        wfmaps_b = wfmaps[rand_index, :, :]
        target_b = target[rand_index]
        bbx1, bby1, bbx2, bby2 = utils.rand_bbox(input.size(), lam)
        input[:, :, bbx1:bbx2, bby1:bby2] = input[rand_index, :, bbx1:bbx2, bby1:bby2]
        lam_a = 1 - wfmaps[:, bbx1:bbx2, bby1:bby2].sum(2).sum(1) / (wfmaps.sum(2).sum(1) + 1e-8)
        lam_b = wfmaps_b[:, bbx1:bbx2, bby1:bby2].sum(2).sum(1) / (wfmaps_b.sum(2).sum(1) + 1e-8)
    return input, target, target_b, lam_a.cuda(), lam_b.cuda()


def train(train_loader, model, criterion, optimizer, conf, wmodel=None):
    model.train()
    for idx, (input, target) in enumerate(train_loader):
        input = input.cuda()
        target = target.cuda()
        input, target_a, target_b, lam_a, lam_b = snapmix(input, target, conf, wmodel or model)
        output, _, moutput = model(input)
        loss_a = criterion(output, target_a)
        loss_b = criterion(output, target_b)
        loss = torch.mean(loss_a * lam_a + loss_b * lam_b)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
