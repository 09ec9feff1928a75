"""positive [LG014]: the keyword-spotting executor back-propagates each batch, clips the gradient norm and steps when it is finite, but never clears the gradients, so every step adds to the sum of all earlier ones."""
# Source: wenet-e2e/wekws@41a3432198 (the parent of 141d407, "[fix bug] add optimizer.zero_grad() in kws/utils/executor.py (#72) (#73)") kws/utils/executor.py (re-typed: Executor.train; cv cut; names kept). Each recipe links its own kws folder to the package (examples/hey_snips/s0/kws -> ../../../kws): the whole repository's run now reports this file by its own name.
import logging

import torch
from torch.nn.utils import clip_grad_norm_

from kws.model.loss import criterion


class Executor:
    def __init__(self):
        self.step = 0

    def train(self, model, optimizer, data_loader, device, writer, args):
        """Train one epoch"""
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
            loss.backward()
            grad_norm = clip_grad_norm_(model.parameters(), clip)
            if torch.isfinite(grad_norm):
                optimizer.step()  # expect: LG014
            if batch_idx % log_interval == 0:
                logging.debug("TRAIN Batch {}/{} loss {:.8f} acc {:.8f}".format(epoch, batch_idx, loss.item(), acc))
