"""look-alike [LG014]: the fixed keyword-spotting Executor.train: optimizer.zero_grad() before loss.backward(), then clipping and a conditional optimizer.step()."""
# Source: https://github.com/wenet-e2e/wekws kws/utils/executor.py at
# 141d40704f33bd87805b3010548390592aab58c2 (pull request #73, the fix of issue #72); re-typed, names changed, reduced.
# Correct code.
import logging

import torch
from torch.nn.utils import clip_grad_norm_

from kws.model.loss import criterion


class Executor:
    def __init__(self):
        self.step = 0

    def train(self, model, optimizer, data_loader, device, writer, args):
        model.train()
        clip = args.get("grad_clip", 50.0)
        log_interval = args.get("log_interval", 10)
        epoch = args.get("epoch", 0)
        for batch_idx, batch in enumerate(data_loader):
            key, feats, target, feats_lengths = batch
            feats = feats.to(device)
            target = target.to(device)
            feats_lengths = feats_lengths.to(device)
            num_utts = feats_lengths.size(0)
            if num_utts == 0:
                continue
            logits = model(feats)
            loss_type = args.get("criterion", "max_pooling")
            loss, acc = criterion(loss_type, logits, target, feats_lengths)
            optimizer.zero_grad()
            loss.backward()
            grad_norm = clip_grad_norm_(model.parameters(), clip)
            if torch.isfinite(grad_norm):
                optimizer.step()
            if batch_idx % log_interval == 0:
                logging.debug("TRAIN Batch {}/{} loss {:.8f} acc {:.8f}".format(epoch, batch_idx, loss.item(), acc))
