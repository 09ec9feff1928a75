"""part of look-alike project: the trainer shuffles and splits the tensors into batches by rows and gives each
batch's target to binary_cross_entropy."""

# Source: Sangmin-Bae/Binary-Classification-with-PyTorch@1d92ceb4ed trainer.py (Trainer.__init__, _batchify, _train,
# _validate, train; re-typed; the early stopping, the best model and the plot cut)
import numpy as np
import torch
import torch.nn.functional as func


class Trainer:
    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer
        super().__init__()

    @staticmethod
    def _batchify(x, y, batch_size, random_split=True):
        if random_split:
            indices = torch.randperm(x.size(0), device=x.device)
            x = torch.index_select(x, dim=0, index=indices)
            y = torch.index_select(y, dim=0, index=indices)
        x = x.split(batch_size, dim=0)
        y = y.split(batch_size, dim=0)
        return x, y

    def _train(self, x, y, config):
        self.model.train()
        x, y = self._batchify(x, y, config.batch_size)
        total_loss = 0
        for idx, (x_i, y_i) in enumerate(zip(x, y)):
            y_hat_i = self.model(x_i)
            loss_i = func.binary_cross_entropy(y_hat_i, y_i)
            self.optimizer.zero_grad()
            loss_i.backward()
            self.optimizer.step()
            total_loss += float(loss_i)
        return total_loss / len(x)

    def train(self, train_data, config):
        lowest_loss = np.inf
        for epoch_idx in range(config.n_epochs):
            train_loss = self._train(train_data[0], train_data[1], config)
            if train_loss <= lowest_loss:
                lowest_loss = train_loss
