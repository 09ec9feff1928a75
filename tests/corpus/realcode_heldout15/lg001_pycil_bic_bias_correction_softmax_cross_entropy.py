"""positive [LG001]: the BiC learner of a class-incremental toolbox trains its bias-correction layer with F.cross_entropy on torch.softmax of the corrected logits; the first stage uses the raw logits and a hand-written distillation term."""
# Source: G-U-N/PyCIL at 87cc4110 (read as is), models/bic.py; re-typed, identifiers renamed; memory building, logging of
# the bias parameters and the second stage's optimizer set-up shortened.
import logging

import numpy as np
import torch
from torch import nn
from torch import optim
from torch.nn import functional as F
from torch.utils.data import DataLoader

from models.base import BaseLearner
from utils.inc_net import IncrementalNetWithBias

EPOCHS = 170
LR = 0.1
MILESTONES = [60, 100, 140]
LR_DECAY = 0.1
BATCH = 128
SPLIT = 0.1
TEMP = 2
WD = 2e-4
WORKERS = 8


class BiasCorrection(BaseLearner):
    def __init__(self, args):
        super().__init__(args)
        self._network = IncrementalNetWithBias(args, False, bias_correction=True)
        self._class_means = None

    def after_task(self):
        self._old_network = self._network.copy().freeze()
        self._known_classes = self._total_classes

    def incremental_train(self, data_manager):
        self._cur_task += 1
        self._total_classes = self._known_classes + data_manager.get_task_size(self._cur_task)
        self._network.update_fc(self._total_classes)
        if self._cur_task >= 1:
            train_set, val_set = data_manager.get_dataset_with_split(
                np.arange(self._known_classes, self._total_classes),
                source="train",
                mode="train",
                appendent=self._get_memory(),
                val_samples_per_class=int(SPLIT * self._memory_size / self._known_classes),
            )
            self.val_loader = DataLoader(val_set, batch_size=BATCH, shuffle=True, num_workers=WORKERS)
            self.lamda = self._known_classes / self._total_classes
        else:
            train_set = data_manager.get_dataset(
                np.arange(self._known_classes, self._total_classes),
                source="train",
                mode="train",
                appendent=self._get_memory(),
            )
        test_set = data_manager.get_dataset(np.arange(0, self._total_classes), source="test", mode="test")
        self.train_loader = DataLoader(train_set, batch_size=BATCH, shuffle=True, num_workers=WORKERS)
        self.test_loader = DataLoader(test_set, batch_size=BATCH, shuffle=False, num_workers=WORKERS)

        self._stage1_training(self.train_loader, self.test_loader)
        if self._cur_task >= 1:
            self._stage2_bias_correction(self.val_loader, self.test_loader)
        self.build_rehearsal_memory(data_manager, self.samples_per_class)

    def _run(self, train_loader, test_loader, optimizer, scheduler, stage):
        for epoch in range(1, EPOCHS + 1):
            self._network.train()
            running = 0.0
            for i, (_, inputs, targets) in enumerate(train_loader):
                inputs, targets = inputs.to(self._device), targets.to(self._device)
                logits = self._network(inputs)["logits"]

                if stage == "training":
                    ce = F.cross_entropy(logits, targets)
                    if self._old_network is not None:
                        old_logits = self._old_network(inputs)["logits"].detach()
                        soft_old = F.softmax(old_logits / TEMP, dim=1)
                        log_new = F.log_softmax(logits[:, : self._known_classes] / TEMP, dim=1)
                        kd = -torch.mean(torch.sum(soft_old * log_new, dim=1))
                        loss = kd * self.lamda + ce * (1 - self.lamda)
                    else:
                        loss = ce
                elif stage == "bias_correction":
                    loss = F.cross_entropy(torch.softmax(logits, dim=1), targets)  # expect: LG001
                else:
                    raise NotImplementedError()

                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                running += loss.item()

            scheduler.step()
            logging.info("{} => Task {}, Epoch {}/{} => Loss {:.3f}".format(
                stage, self._cur_task, epoch, EPOCHS, running / len(train_loader)))

    def _stage1_training(self, train_loader, test_loader):
        skip = list(map(id, self._network.bias_layers.parameters()))
        base = filter(lambda p: id(p) not in skip, self._network.parameters())
        groups = [
            {"params": base, "lr": LR, "weight_decay": WD},
            {"params": self._network.bias_layers.parameters(), "lr": 0, "weight_decay": 0},
        ]
        optimizer = optim.SGD(groups, lr=LR, momentum=0.9, weight_decay=WD)
        scheduler = optim.lr_scheduler.MultiStepLR(optimizer=optimizer, milestones=MILESTONES, gamma=LR_DECAY)
        self._network.to(self._device)
        if self._old_network is not None:
            self._old_network.to(self._device)
        self._run(train_loader, test_loader, optimizer, scheduler, stage="training")

    def _stage2_bias_correction(self, val_loader, test_loader):
        if isinstance(self._network, nn.DataParallel):
            self._network = self._network.module
        groups = [{"params": self._network.bias_layers[-1].parameters(), "lr": LR, "weight_decay": WD}]
        optimizer = optim.SGD(groups, lr=LR, momentum=0.9, weight_decay=WD)
        scheduler = optim.lr_scheduler.MultiStepLR(optimizer=optimizer, milestones=MILESTONES, gamma=LR_DECAY)
        self._network.to(self._device)
        self._run(val_loader, test_loader, optimizer, scheduler, stage="bias_correction")
