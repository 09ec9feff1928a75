"""part of look-alike project [LG002, LG004, LG005, LG006]: the Trainer class: F.binary_cross_entropy(model(x), y) per batch, clear/backward/step, the epoch loss summed as float(loss); validation under no_grad; the best state kept by validation loss."""
# Source: iml1111/pytorch_study at cecd0490, src/04_advanced_pytorch/custom_dataset/trainer.py; re-typed, identifiers renamed; the Korean comments
# dropped, the epoch print shortened.
from copy import deepcopy
import numpy as np
import torch
import torch.nn.functional as F


class Trainer():
    def __init__(self, model, optim, train_loader, valid_loader):
        self.model = model
        self.optim = optim
        self.train_loader = train_loader
        self.valid_loader = valid_loader
        self.train_history = []
        self.valid_history = []
        super().__init__()

    def _train(self, config):
        self.model.train()
        total_loss = 0
        for i, (x_i, y_i) in enumerate(self.train_loader):
            pred_y_i = self.model(x_i)
            loss = F.binary_cross_entropy(pred_y_i, y_i)
            self.optim.zero_grad()
            loss.backward()
            self.optim.step()
            total_loss += float(loss)
        self.train_history += [total_loss / len(self.train_loader)]
        return total_loss / len(self.train_loader)

    def _validate(self, config):
        self.model.eval()
        with torch.no_grad():
            total_loss = 0
            for i, (x_i, y_i) in enumerate(self.valid_loader):
                pred_y_i = self.model(x_i)
                loss = F.binary_cross_entropy(pred_y_i, y_i)
                total_loss += float(loss)
            self.valid_history += [total_loss / len(self.valid_loader)]
            return total_loss / len(self.valid_loader)

    def train(self, config):
        lowest_loss = np.inf
        best_model = None
        for epoch_index in range(config.n_epochs):
            train_loss = self._train(config)
            valid_loss = self._validate(config)
            if valid_loss <= lowest_loss:
                lowest_loss = valid_loss
                best_model = deepcopy(self.model.state_dict())
            print("Epoch(%d/%d): train_loss=%.4e valid_loss=%.4e lowest_loss=%.4e" % (
                epoch_index + 1, config.n_epochs, train_loss, valid_loss, lowest_loss))
        self.model.load_state_dict(best_model)
