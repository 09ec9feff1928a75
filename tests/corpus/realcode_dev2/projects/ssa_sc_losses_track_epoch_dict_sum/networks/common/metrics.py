"""part of positive project [LG006]: LossesTrackEpoch adds every batch's loss dict into per-key running sums (no .item()), read once per epoch."""
# Source: https://github.com/jokester-zzz/SSA-SC networks/common/metrics.py at ed5298dabf0ab9b1675031b04e62080664e673ad (issue #2 "Continuous rising of GPU
# memory": loss[key] should be loss[key].item()); re-typed, names changed, reduced.
import numpy as np
import torch


class LossesTrackEpoch:
    def __init__(self, num_iterations):
        self.num_iterations = num_iterations
        self.validation_losses = {}
        self.train_losses = {}
        self.train_iteration_counts = 0
        self.validation_iteration_counts = 0

    def set_validation_losses(self, keys):
        for key in keys:
            self.validation_losses[key] = 0

    def set_train_losses(self, keys):
        for key in keys:
            self.train_losses[key] = 0

    def update_train_losses(self, loss):
        for key in loss:
            self.train_losses[key] += loss[key]  # expect: LG006
        self.train_iteration_counts += 1

    def update_validaiton_losses(self, loss):
        for key in loss:
            self.validation_losses[key] += loss[key]
        self.validation_iteration_counts += 1

    def restart_train_losses(self):
        for key in self.train_losses.keys():
            self.train_losses[key] = 0
        self.train_iteration_counts = 0


class Metrics:
    def __init__(self, nbr_classes, num_iterations_epoch, scales):
        self.nbr_classes = nbr_classes
        self.losses_track = LossesTrackEpoch(num_iterations_epoch)
        self.best_metric_record = {"mIoU": 0, "IoU": 0, "epoch": 0, "loss": 99999999}

    def reset_evaluator(self):
        pass
