"""look-alike [LG006, LG014, LG015]: ENAS's trainer sums the losses of several sampled child models in get_loss (returned to the caller that back-propagates it), logs running sums through .data and a to_item helper, and reduces the REINFORCE controller loss with .sum() before backward."""
# Source: carpedm20/ENAS-pytorch@0468b8c4ddcf540c9ed6f80c27289792ff9118c9 trainer.py (read as is; re-typed, cut at function boundaries: the Trainer's get_loss, train_shared, get_reward and train_controller with the helpers they call, the logging summaries, evaluate, derive and the checkpoint methods left out; utils.to_item inlined from utils.py, _apply_penalties and get_batch shortened, the optimizer factory replaced by the default optimizers)
import contextlib
import math

import numpy as np
import scipy.signal
import torch
from torch import nn

import models
import utils


def to_item(x):
    if isinstance(x, (float, int)):
        return x
    return x.item()


def _apply_penalties(extra_out, args):
    penalty = 0
    if args.activation_regularization:
        penalty += args.activation_regularization_amount * extra_out['dropped'].pow(2).mean()
    if args.temporal_activation_regularization:
        raw = extra_out['raw']
        penalty += args.temporal_activation_regularization_amount * (raw[1:] - raw[:-1]).pow(2).mean()
    return penalty


def discount(x, amount):
    return scipy.signal.lfilter([1], [1, -amount], x[::-1], axis=0)[::-1]


def _no_grad():
    if hasattr(torch, 'no_grad'):
        return torch.no_grad()
    return contextlib.suppress()


class Trainer(object):
    def __init__(self, args, dataset):
        self.args = args
        self.dataset = dataset
        self.train_data = utils.batchify(dataset.train, args.batch_size, args.cuda)
        self.valid_data = utils.batchify(dataset.valid, args.batch_size, args.cuda)
        self.max_length = args.shared_rnn_max_length
        self.shared_step = 0
        self.controller_step = 0

        self.shared = models.RNN(args, dataset)
        self.controller = models.Controller(args)
        self.shared_optim = torch.optim.SGD(self.shared.parameters(), lr=args.shared_lr, weight_decay=args.shared_l2_reg)
        self.controller_optim = torch.optim.Adam(self.controller.parameters(), lr=args.controller_lr)
        self.ce = nn.CrossEntropyLoss()

    def get_loss(self, inputs, targets, hidden, dags):
        if not isinstance(dags, list):
            dags = [dags]

        loss = 0
        for dag in dags:
            output, hidden, extra_out = self.shared(inputs, dag, hidden=hidden)
            output_flat = output.view(-1, self.dataset.num_tokens)
            sample_loss = (self.ce(output_flat, targets) / self.args.shared_num_sample)
            loss += sample_loss

        assert len(dags) == 1, 'there are multiple `hidden` for multple `dags`'
        return loss, hidden, extra_out

    def train_shared(self, max_step=None, dag=None):
        model = self.shared
        model.train()
        self.controller.eval()

        hidden = self.shared.init_hidden(self.args.batch_size)
        max_step = self.args.shared_max_step if max_step is None else min(self.args.shared_max_step, max_step)

        step = 0
        raw_total_loss = 0
        total_loss = 0
        train_idx = 0
        while train_idx < self.train_data.size(0) - 1 - 1:
            if step > max_step:
                break

            dags = dag if dag else self.controller.sample(self.args.shared_num_sample)
            inputs, targets = self.get_batch(self.train_data, train_idx, self.max_length)

            loss, hidden, extra_out = self.get_loss(inputs, targets, hidden, dags)
            hidden.detach_()
            raw_total_loss += loss.data

            loss += _apply_penalties(extra_out, self.args)

            self.shared_optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm(model.parameters(), self.args.shared_grad_clip)
            self.shared_optim.step()

            total_loss += loss.data

            if ((step % self.args.log_step) == 0) and (step > 0):
                print('shared', step, to_item(total_loss) / self.args.log_step,
                      math.exp(to_item(raw_total_loss) / self.args.log_step))
                raw_total_loss = 0
                total_loss = 0

            step += 1
            self.shared_step += 1
            train_idx += self.max_length

    def get_reward(self, dag, entropies, hidden, valid_idx=0):
        if not isinstance(entropies, np.ndarray):
            entropies = entropies.data.cpu().numpy()

        inputs, targets = self.get_batch(self.valid_data, valid_idx, self.max_length, volatile=True)
        valid_loss, hidden, _ = self.get_loss(inputs, targets, hidden, dag)
        valid_loss = to_item(valid_loss.data)

        R = self.args.reward_c / math.exp(valid_loss)
        if self.args.entropy_mode == 'reward':
            rewards = R + self.args.entropy_coeff * entropies
        else:
            rewards = R * np.ones_like(entropies)
        return rewards, hidden

    def train_controller(self):
        model = self.controller
        model.train()

        baseline = None
        hidden = self.shared.init_hidden(self.args.batch_size)
        total_loss = 0
        valid_idx = 0
        for step in range(self.args.controller_max_step):
            dags, log_probs, entropies = self.controller.sample(with_details=True)

            np_entropies = entropies.data.cpu().numpy()
            with _no_grad():
                rewards, hidden = self.get_reward(dags, np_entropies, hidden, valid_idx)

            if 1 > self.args.discount > 0:
                rewards = discount(rewards, self.args.discount)

            if baseline is None:
                baseline = rewards
            else:
                decay = self.args.ema_baseline_decay
                baseline = decay * baseline + (1 - decay) * rewards

            adv = rewards - baseline

            loss = -log_probs * utils.get_variable(adv, self.args.cuda, requires_grad=False)
            if self.args.entropy_mode == 'regularizer':
                loss -= self.args.entropy_coeff * entropies

            loss = loss.sum()  # or loss.mean()

            self.controller_optim.zero_grad()
            loss.backward()
            if self.args.controller_grad_clip > 0:
                torch.nn.utils.clip_grad_norm(model.parameters(), self.args.controller_grad_clip)
            self.controller_optim.step()

            total_loss += to_item(loss.data)

            if ((step % self.args.log_step) == 0) and (step > 0):
                print('controller', step, total_loss / self.args.log_step)
                total_loss = 0

            self.controller_step += 1
            prev_valid_idx = valid_idx
            valid_idx = (valid_idx + self.max_length) % (self.valid_data.size(0) - 1)
            if prev_valid_idx > valid_idx:
                hidden = self.shared.init_hidden(self.args.batch_size)

    def get_batch(self, source, idx, length=None, volatile=False):
        length = min(length if length else self.max_length, len(source) - 1 - idx)
        data = source[idx:idx + length]
        target = source[idx + 1:idx + 1 + length].view(-1)
        return data, target
