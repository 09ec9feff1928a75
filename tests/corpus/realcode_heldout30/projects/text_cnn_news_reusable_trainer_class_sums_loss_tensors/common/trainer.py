"""part of positive project [LG006]: a reusable Trainer: fit() runs forward, clear, loss_fn(logits, y), backward, step for every batch and adds the loss tensor itself to total_loss (total_loss += loss), across all batches and epochs, for the epoch report; the evaluation loss is summed the same way but under no_grad."""
# Source: goodboyyes2009/Pytorch_Study at 2cfdbfa5, common/trainer.py; re-typed, identifiers renamed; the commented-out interval report, plot() and
# evaluate() shortened.
import time

import torch


class Trainer:
    def __init__(self, model, optimizer, loss_fn):
        self.model = model
        self.optimizer = optimizer
        self.loss_fn = loss_fn
        self.loss_list = []
        self.eval_interval = None
        self.current_epoch = 0

    def fit(self, train_loader, max_epochs, eval_interval=100, val_loader=None):
        self.eval_interval = eval_interval
        model = self.model
        optimizer = self.optimizer
        loss_fn = self.loss_fn

        total_loss = 0
        loss_count = 0
        model.train()
        start = time.time()
        for epoch in range(max_epochs):
            for index_batch, batch in enumerate(train_loader):
                x_batched = batch[0]
                y_batched = batch[1]

                logits = model(x_batched)
                optimizer.zero_grad()
                loss = loss_fn(logits, y_batched)
                loss.backward()
                optimizer.step()
                total_loss += loss  # expect: LG006
                loss_count += 1

            if val_loader:
                train_loss = total_loss / loss_count
                eval_loss = self._eval_loss(val_loader)
                print('epoch %d | train loss %.2f | evaluate loss %.2f' % (self.current_epoch, train_loss, eval_loss))
            self.current_epoch += 1

    def _eval_loss(self, val_loader):
        total_loss = 0
        loss_count = 0
        with torch.no_grad():
            for batch in val_loader:
                logits = self.model(batch[0])
                loss = self.loss_fn(logits, batch[1])
                total_loss += loss
                loss_count += 1
            return total_loss / loss_count

    def evaluate(self, model, val_loader):
        correct = 0
        total = 0
        model.eval()
        with torch.no_grad():
            for x_val, y_val in val_loader:
                _, predicted = torch.max(model(x_val), dim=1)
                total += y_val.shape[0]
                correct += (predicted == y_val).sum().item()
        print("Accuracy: %f" % (correct / total))
