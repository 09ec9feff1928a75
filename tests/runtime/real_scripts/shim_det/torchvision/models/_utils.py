from collections import OrderedDict

import torch.nn as nn


class IntermediateLayerGetter(nn.ModuleDict):
    """The model's children up to the last returned one; forward returns their outputs by new name."""

    def __init__(self, model, return_layers):
        wanted = dict(return_layers)
        layers = OrderedDict()
        left = set(wanted)
        for name, module in model.named_children():
            layers[name] = module
            left.discard(name)
            if not left:
                break
        super().__init__(layers)
        self.return_layers = wanted

    def forward(self, x):
        out = OrderedDict()
        for name, module in self.items():
            x = module(x)
            if name in self.return_layers:
                out[self.return_layers[name]] = x
        return out
