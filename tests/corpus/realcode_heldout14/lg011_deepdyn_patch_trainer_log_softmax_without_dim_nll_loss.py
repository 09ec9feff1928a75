"""positive [LG011]: the vessel-segmentation trainer log-softmaxes the (N, 2, H, W) score map without dim before a class-weighted F.nll_loss."""
# Source: sraashis/deepdyn at c6ca9e9 ("Sigmoid for miniunet."), the parent of 6198592 (same message, which adds the dim 1),
# torchtrainer/torchtrainer.py; re-typed, identifiers renamed; loggers, checkpointing, validation, plotting and the
# MSE epoch cut.
import os
import random as rd

import numpy as np
import torch
import torch.nn.functional as F

from utils.loss import dice_loss
from utils.measurements import ScoreAccumulator


class PatchTrainer:
    def __init__(self, conf=None, model=None, optimizer=None):
        self.conf = conf
        self.log_dir = self.conf.get("Dirs").get("logs", "net_logs")
        self.epochs = self.conf.get("Params").get("epochs", 100)
        self.log_frequency = self.conf.get("Params").get("log_frequency", 10)
        self.class_weights = self.conf.get("Funcs").get("dparm")
        if torch.cuda.is_available():
            self.device = torch.device("cuda" if self.conf["Params"].get("use_gpu", False) else "cpu")
        else:
            self.device = torch.device("cpu")
        self.model = model.to(self.device)
        self.optimizer = optimizer

    def train(self, data_loader=None, validation_loader=None, epoch_run=None):
        for epoch in range(1, self.epochs + 1):
            self.model.train()
            epoch_run(epoch=epoch, data_loader=data_loader, logger=None)

    def epoch_ce_loss(self, **kw):
        """One epoch of (weighted) cross-entropy on the two-class score map."""
        running_loss = 0.0
        score_acc = ScoreAccumulator() if self.model.training else kw.get("score_acc")
        for i, data in enumerate(kw["data_loader"], 1):
            inputs, labels = data["inputs"].to(self.device).float(), data["labels"].to(self.device).long()

            if self.model.training:
                self.optimizer.zero_grad()

            outputs = F.log_softmax(self.model(inputs))  # expect: LG011
            _, predicted = torch.max(outputs, 1)

            loss = F.nll_loss(outputs, labels, weight=torch.FloatTensor(self.class_weights(self.conf)).to(self.device))

            if self.model.training:
                loss.backward()
                self.optimizer.step()

            current_loss = loss.item()
            running_loss += current_loss
            if self.model.training:
                score_acc.reset()
            p, r, f1, a = score_acc.add_tensor(predicted, labels).get_prfa()
            if i % self.log_frequency == 0:
                print("Epochs[%d/%d] Batch[%d/%d] loss:%.5f f1:%.3f" % (kw["epoch"], self.epochs, i, len(kw["data_loader"]), running_loss / self.log_frequency, f1))
                running_loss = 0.0

    def epoch_dice_loss(self, **kw):
        score_acc = ScoreAccumulator() if self.model.training else kw.get("score_acc")
        running_loss = 0.0
        for i, data in enumerate(kw["data_loader"], 1):
            inputs, labels = data["inputs"].to(self.device).float(), data["labels"].to(self.device).long()

            if self.model.training:
                self.optimizer.zero_grad()

            outputs = F.sigmoid(self.model(inputs))
            _, predicted = torch.max(outputs, 1)

            loss = dice_loss(outputs[:, 1, :, :], labels, beta=rd.choice(np.arange(1, 2, 0.1).tolist()))
            if self.model.training:
                loss.backward()
                self.optimizer.step()

            current_loss = loss.item()
            running_loss += current_loss
            if self.model.training:
                score_acc.reset()
            p, r, f1, a = score_acc.add_tensor(predicted, labels).get_prfa()
            if i % self.log_frequency == 0:
                running_loss = 0.0
