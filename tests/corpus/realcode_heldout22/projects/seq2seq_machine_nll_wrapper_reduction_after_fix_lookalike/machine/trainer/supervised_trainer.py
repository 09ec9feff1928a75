"""part of look-alike project [LG006, LG007, LG010, LG014]: SupervisedTrainer defaults to [NLLLoss()]; each batch the evaluator recomputes the wrappers' losses, the trainer scales and back-propagates each, steps and zeroes the model's gradients."""
# Source: i-machine-think/machine at 170e4372 ("BUG: Some Pytorch 1.0 warning fixes", after 72086898 and 3c21c2df moved
# NLLLoss to reduction=), machine/trainer/supervised_trainer.py;
# re-typed, identifiers renamed; the callback container, the epoch loop and the resume logic cut (self.model is set by
# train(), not included).
from __future__ import division

import logging
import os
import random

import torch

from machine.evaluator import Evaluator
from machine.loss import NLLLoss

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class SupervisedTrainer(object):
    def __init__(self, expt_dir="experiment", loss=[NLLLoss()], loss_weights=None, metrics=[], batch_size=64,
                 eval_batch_size=128, random_seed=None, checkpoint_every=100, print_every=100):
        self.random_seed = random_seed
        if random_seed is not None:
            random.seed(random_seed)
            torch.manual_seed(random_seed)
        self.loss = loss
        self.metrics = metrics
        self.loss_weights = loss_weights or len(loss) * [1.]
        self.evaluator = Evaluator(loss=self.loss, metrics=self.metrics, batch_size=eval_batch_size)
        self.optimizer = None
        self.checkpoint_every = checkpoint_every
        self.print_every = print_every
        if not os.path.isabs(expt_dir):
            expt_dir = os.path.join(os.getcwd(), expt_dir)
        self.expt_dir = expt_dir
        self.batch_size = batch_size
        self.logger = logging.getLogger(__name__)

    def _train_batch(self, src, src_lens, tgt, teacher_forcing_ratio):
        dec_outs, dec_hidden, other = self.model(
            src, src_lens, tgt, teacher_forcing_ratio=teacher_forcing_ratio)
        losses = self.evaluator.compute_batch_loss(dec_outs, dec_hidden, other, tgt)

        for i, l in enumerate(losses, 0):
            l.scale_loss(self.loss_weights[i])
            l.backward(retain_graph=True)
        self.optimizer.step()
        self.model.zero_grad()
        return losses
