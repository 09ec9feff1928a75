"""look-alike [LG010]: the same VQA trainer at the fix commit: the instance-level BCE takes reduction='mean' and passes it on as reduction=."""

# Source: jnhwkim/ban-vqa@e48585df39 train.py (the fix commit; cut, renamed)
import os
import time

import torch
import torch.nn as nn

import utils


def answer_bce_with_logits(logits, labels, reduction="mean"):
    assert logits.dim() == 2
    loss = nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction=reduction)
    if reduction == "mean":
        loss *= labels.size(1)
    return loss


def score_with_logits(logits, labels):
    logits = torch.max(logits, 1)[1].data
    one_hots = torch.zeros(*labels.size()).cuda()
    one_hots.scatter_(1, logits.view(-1, 1), 1)
    return one_hots * labels


def train(model, train_loader, num_epochs, output, grad_clip=0.25):
    optim = torch.optim.Adamax(filter(lambda p: p.requires_grad, model.parameters()), lr=1e-3)
    logger = utils.Logger(os.path.join(output, "log.txt"))
    for epoch in range(num_epochs):
        total_loss = 0
        train_score = 0
        t = time.time()
        for i, (v, b, q, a) in enumerate(train_loader):
            v, b, q, a = v.cuda(), b.cuda(), q.cuda(), a.cuda()
            pred, att = model(v, b, q, a)
            loss = answer_bce_with_logits(pred, a)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
            optim.step()
            optim.zero_grad()
            total_loss += loss.item() * v.size(0)
            train_score += score_with_logits(pred, a.data).sum()
        total_loss /= len(train_loader.dataset)
        logger.write("epoch %d, time: %.2f, train_loss: %.2f" % (epoch, time.time() - t, total_loss))
