"""part of look-alike project [LG007, LG001, LG011]: the head chosen by its objective string: for classification with more than one class a Linear layer followed by LogSoftmax(dim=1); a Sigmoid for one class."""
# Source: pytorch-lifestream/pytorch-lifestream at 73a7a549 (read as is), ptls/nn/head.py; re-typed, identifiers renamed;
# docstring and the L2-normalising encoder option cut.
import torch
from torch.nn import BatchNorm1d, Dropout, Flatten, Linear, LogSoftmax, ReLU, Sequential, Sigmoid, Softplus


class Head(torch.nn.Module):
    def __init__(self, input_size: int = None, use_norm_encoder: bool = False, hidden_layers_sizes=None,
                 drop_probs=None, use_batch_norm: bool = False, objective: str = None, num_classes: int = 1):
        super().__init__()
        layers = []
        if use_batch_norm:
            layers.append(BatchNorm1d(input_size))
        if drop_probs:
            assert len(drop_probs) == len(hidden_layers_sizes)
        if hidden_layers_sizes is not None:
            sizes = [input_size] + list(hidden_layers_sizes)
            for ix, (s_in, s_out) in enumerate(zip(sizes[:-1], sizes[1:])):
                layers.append(Linear(s_in, s_out))
                if use_batch_norm:
                    layers.append(BatchNorm1d(s_out))
                layers.append(ReLU())
                if drop_probs:
                    layers.append(Dropout(drop_probs[ix]))
                input_size = s_out
        if objective == 'classification':
            if num_classes == 1:
                h = Sequential(Linear(input_size, num_classes), Sigmoid(), Flatten(0))
            else:
                h = Sequential(Linear(input_size, num_classes), LogSoftmax(dim=1))
            layers.append(h)
        elif objective == 'regression':
            if num_classes == 1:
                layers.append(Sequential(Linear(input_size, 1), Flatten(0)))
            else:
                layers.append(Linear(input_size, num_classes))
        elif objective == 'softplus':
            if num_classes == 1:
                layers.append(Sequential(Linear(input_size, num_classes), Softplus(), Flatten(0)))
            else:
                layers.append(Sequential(Linear(input_size, num_classes), Softplus()))
        elif objective is not None:
            raise AttributeError(f"Unknown objective {objective}. Supported: classification, regression and softplus.")
        self.model = Sequential(*layers)

    def forward(self, x):
        return self.model(x)
