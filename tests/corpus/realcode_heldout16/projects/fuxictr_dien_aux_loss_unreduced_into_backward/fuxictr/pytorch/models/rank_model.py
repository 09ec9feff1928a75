"""part of positive project [LG015]: the CTR library's base ranking model adds the model's loss and the regularisation term and calls backward() on the sum in train_step."""
# Source: reczoo/FuxiCTR at 0245987 (read as is), fuxictr/pytorch/models/rank_model.py; re-typed, identifiers renamed;
# fit's callbacks, checkpointing, early stopping, evaluation and the regulariser parsing cut.
import logging
import sys

import torch
from torch import nn
from tqdm import tqdm

from fuxictr.pytorch.torch_utils import get_loss, get_optimizer


class BaseRanker(nn.Module):
    def __init__(self, feature_map, model_id="BaseModel", task="binary_classification", gpu=-1,
                 embedding_regularizer=None, net_regularizer=None, **kwargs):
        super().__init__()
        self.device = torch.device("cuda:" + str(gpu) if gpu >= 0 else "cpu")
        self._embedding_regularizer = embedding_regularizer
        self._net_regularizer = net_regularizer
        self._max_gradient_norm = kwargs.get("max_gradient_norm", 10.)
        self._eval_steps = kwargs.get("eval_steps", 100)
        self._total_steps = 0
        self._stop_training = False
        self.feature_map = feature_map
        self.output_activation = nn.Sigmoid() if task == "binary_classification" else nn.Identity()
        self.model_id = model_id

    def compile(self, optimizer, loss, lr):
        self.optimizer = get_optimizer(optimizer, self.parameters(), lr)
        self.loss_fn = get_loss(loss)

    def regularization_loss(self):
        reg = 0
        if self._net_regularizer:
            for _, p in self.named_parameters():
                if p.requires_grad:
                    reg += (self._net_regularizer / 2) * torch.norm(p, 2) ** 2
        return reg

    def add_loss(self, outputs, y_true):
        return self.loss_fn(outputs["y_pred"], y_true, reduction='mean')

    def compute_loss(self, outputs, y_true):
        return self.add_loss(outputs, y_true) + self.regularization_loss()

    def get_labels(self, batch):
        return batch["label"].to(self.device).float().view(-1, 1)

    def train_step(self, batch):
        self.optimizer.zero_grad()
        outputs = self.forward(batch)
        y_true = self.get_labels(batch)
        loss = self.compute_loss(outputs, y_true)
        loss.backward()  # expect: LG015
        nn.utils.clip_grad_norm_(self.parameters(), self._max_gradient_norm)
        self.optimizer.step()
        return loss

    def train_epoch(self, batches):
        running = 0
        self.train()
        for i, batch in enumerate(tqdm(batches, disable=False, file=sys.stdout)):
            self._total_steps += 1
            loss = self.train_step(batch)
            running += loss.item()
            if self._total_steps % self._eval_steps == 0:
                logging.info("Train loss: {:.6f}".format(running / self._eval_steps))
                running = 0
            if self._stop_training:
                break
