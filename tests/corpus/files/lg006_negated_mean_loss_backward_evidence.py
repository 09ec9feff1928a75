"""positive [LG006]: the loss is `-1 * torch.mean(self(*inputs))` plus a regulariser (no torch loss builds it); backward() on it proves it holds a graph, and `running_loss += loss` keeps every batch's graph."""
# Shape of BatsResearch/labelmodels@3b5683bef7ee902dc205a8cd93572b05b88dbad5 labelmodels/label_model.py
# (reported in that repository's issue #4, fixed with `running_loss += loss.item()`).
import logging

import torch
import torch.nn as nn


class LabelModel(nn.Module):
    def forward(self, *args):
        raise NotImplementedError

    def _get_regularization_loss(self):
        return 0.0

    def _do_estimate_label_model(self, batches, config):
        optimizer = torch.optim.SGD(self.parameters(), lr=config.step_size, momentum=config.momentum)
        for epoch in range(config.epochs):
            self.train()
            running_loss = 0.0
            for i_batch, inputs in enumerate(batches):
                optimizer.zero_grad()
                log_likelihood = self(*inputs)
                loss = -1 * torch.mean(log_likelihood)
                loss += self._get_regularization_loss()
                loss.backward()
                optimizer.step()
                running_loss += loss  # expect: LG006
            epoch_loss = running_loss / len(batches)
            logging.info("Train Loss: %.6f", epoch_loss)
