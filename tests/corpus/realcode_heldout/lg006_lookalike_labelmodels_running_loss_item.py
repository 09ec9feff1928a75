"""look-alike [LG006]: the fixed generative label model: the same custom negative log-likelihood loss, and running_loss += loss.item()."""
# Source: https://github.com/BatsResearch/labelmodels labelmodels/label_model.py at
# 03fe595e8c00c06a7f2ae53fa8df8390dd37fa64 (after the fix of issue #4); re-typed, names changed, reduced. Correct code.
import logging

import torch
import torch.nn as nn


class LabelModel(nn.Module):
    def forward(self, *args):
        raise NotImplementedError

    def _do_estimate_label_model(self, batches, config):
        optimizer = torch.optim.SGD(self.parameters(), lr=config.step_size, momentum=config.momentum, weight_decay=0)
        if config.step_schedule is not None and config.step_size_mult is not None:
            scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, config.step_schedule, gamma=config.step_size_mult)
        else:
            scheduler = None
        for epoch in range(config.epochs):
            if scheduler is not None:
                scheduler.step()
            self.train()
            running_loss = 0.0
            for i_batch, inputs in enumerate(batches):
                optimizer.zero_grad()
                log_likelihood = self(*inputs)
                loss = -1 * torch.mean(log_likelihood)
                loss += self._get_regularization_loss()
                loss.backward()
                optimizer.step()
                running_loss += loss.item()
            epoch_loss = running_loss / len(batches)
            logging.info("Train Loss: %.6f", epoch_loss)

    def _get_regularization_loss(self):
        return 0.0
