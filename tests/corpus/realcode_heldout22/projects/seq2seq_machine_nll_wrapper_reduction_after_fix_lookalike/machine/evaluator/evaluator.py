"""part of look-alike project [LG006, LG007, LG010, LG014]: the Evaluator resets its loss wrappers per batch for training, and accumulates them over a whole dataset inside torch.no_grad() for evaluation."""
# Source: i-machine-think/machine at 170e4372 ("BUG: Some Pytorch 1.0 warning fixes", after 72086898 and 3c21c2df moved
# NLLLoss to reduction=), machine/evaluator/evaluator.py;
# re-typed, identifiers renamed; docstrings and the metrics helper shortened.
from __future__ import division, print_function

import torch
import torchtext

from machine.loss import NLLLoss
from machine.metrics import SequenceAccuracy, WordAccuracy

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Evaluator(object):
    def __init__(self, loss=[NLLLoss()], metrics=[WordAccuracy(), SequenceAccuracy()], batch_size=64):
        self.losses = loss
        self.metrics = metrics
        self.batch_size = batch_size

    def update_batch_metrics(self, metrics, other, target_variable):
        seqs = other["sequence"]
        for m in metrics:
            m.eval_batch(seqs, target_variable)
        return metrics

    def compute_batch_loss(self, decoder_outputs, decoder_hidden, other, target_variable):
        losses = self.losses
        for l in losses:
            l.reset()
        losses = self.update_loss(losses, decoder_outputs, decoder_hidden, other, target_variable)
        return losses

    def update_loss(self, losses, decoder_outputs, decoder_hidden, other, target_variable):
        for l in losses:
            l.eval_batch(decoder_outputs, other, target_variable)
        return losses

    def evaluate(self, model, data, get_batch_data):
        was_training = model.training
        model.eval()

        losses = self.losses
        for l in losses:
            l.reset()

        metrics = self.metrics
        for m in metrics:
            m.reset()

        batches = torchtext.data.BucketIterator(
            dataset=data, batch_size=self.batch_size,
            sort=True, sort_key=lambda ex: len(ex.src),
            device=device, train=False)

        with torch.no_grad():
            for batch in batches:
                src, src_lens, tgt = get_batch_data(batch)
                dec_outs, dec_hidden, other = model(src, src_lens.tolist(), tgt)
                metrics = self.update_batch_metrics(metrics, other, tgt)
                losses = self.update_loss(losses, dec_outs, dec_hidden, other, tgt)

        model.train(was_training)
        return losses, metrics
