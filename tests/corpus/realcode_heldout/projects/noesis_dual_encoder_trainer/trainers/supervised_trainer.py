"""part of positive project [LG001, LG006, LG011]: SupervisedTrainer takes loss_func=CrossEntropyLoss() as a default argument; _train_batch returns the loss tensor and _train_epoches sums it into two running totals."""
# Source: https://github.com/IBM/dstc7-noesis noesis/trainers/supervised_trainer.py at
# b0f2d6009b1e4519509843267e5fb3091242a879; re-typed, names changed, reduced.
import torch
from torch import optim
from torch.nn import CrossEntropyLoss


class SupervisedTrainer(object):
    def __init__(self, expt_dir="experiment", loss_func=CrossEntropyLoss(), batch_size=64, print_every=1000):
        self.loss_func = loss_func
        self.optimizer = None
        self.print_every = print_every
        self.batch_size = batch_size

    def _train_batch(self, context_variable, responses_variable, target_variable, model, context_lengths_variable, responses_lengths_variable):
        loss_func = self.loss_func
        outputs = model(context_variable, responses_variable, context_lengths_variable, responses_lengths_variable)
        if len(outputs.size()) == 1:
            outputs = outputs.unsqueeze(0)
        loss = loss_func(outputs, target_variable)  # expect: LG001
        model.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss

    def _train_epoches(self, data, model, n_epochs, start_epoch, batch_size=2):
        print_loss_total = 0
        epoch_loss_total = 0
        for epoch in range(start_epoch, n_epochs + 1):
            model.train(True)
            for batch in data.make_batches(batch_size):
                context_variable = torch.tensor(batch[0])
                responses_variable = torch.tensor(batch[1])
                target_variable = torch.tensor(batch[2])
                context_lengths_variable = torch.tensor(batch[3])
                responses_lengths_variable = torch.tensor(batch[4])
                loss = self._train_batch(context_variable, responses_variable, target_variable, model, context_lengths_variable, responses_lengths_variable)
                print_loss_total += loss  # expect: LG006
                epoch_loss_total += loss  # expect: LG006
            epoch_loss_total = 0

    def train(self, model, data, batch_size=1, num_epochs=5, optimizer=None):
        if optimizer is None:
            optimizer = optim.Adam(model.parameters())
        self.optimizer = optimizer
        self._train_epoches(data, model, num_epochs, 1, batch_size=batch_size)
        return model
