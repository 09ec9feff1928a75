"""positive [LG006]: generative label model: loss = -1 * torch.mean(self(*inputs)) plus a regularisation term, backpropagated each batch and summed into running_loss without .item()."""
# Source: issue https://github.com/BatsResearch/labelmodels/issues/4 (labelmodels/label_model.py line 90 at
# 3b5683bef7ee902dc205a8cd93572b05b88dbad5: `running_loss` is the sum of non-detached tensors); re-typed from the
# stored file with the line the issue quotes, names changed, reduced.
import logging

import torch
import torch.nn as nn


class LabelModel(nn.Module):
    def forward(self, *args):
        raise NotImplementedError

    def _do_estimate_label_model(self, batches, config):
        optimizer = torch.optim.SGD(self.parameters(), lr=config.step_size, momentum=config.momentum, weight_decay=0)
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

    def _get_regularization_loss(self):
        return 0.0
