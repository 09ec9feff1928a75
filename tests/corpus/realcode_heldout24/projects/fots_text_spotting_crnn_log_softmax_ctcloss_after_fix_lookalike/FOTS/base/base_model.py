"""part of look-alike project [LG007, LG011, LG012]: every network part derives from an nn.Module base that keeps the config and a logger."""
# Source: jiangxiluning/FOTS.PyTorch at 2596727b ("add log_softmax to crnn's output", the fix of the parent 7dafcb6c), FOTS/base/base_model.py;
# re-typed, docstrings dropped.
import logging

import numpy as np
import torch.nn as nn


class BaseModel(nn.Module):
    def __init__(self, config):
        super(BaseModel, self).__init__()
        self.config = config
        self.logger = logging.getLogger(self.__class__.__name__)

    def forward(self, *input):
        raise NotImplementedError

    def summary(self):
        model_parameters = filter(lambda p: p.requires_grad, self.parameters())
        params = sum([np.prod(p.size()) for p in model_parameters])
        self.logger.info('Trainable parameters: {}'.format(params))
