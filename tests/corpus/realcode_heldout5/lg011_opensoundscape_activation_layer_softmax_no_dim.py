"""positive [LG011]: opensoundscape's apply_activation_layer() applies softmax(x, 1) in the normal branches but, in the fallback for devices without aten::logit, calls softmax(x) with no dim on the (N, C) scores."""
# Source: kitzeslab/opensoundscape@c1e2173550b1c1115fa74b47d3b17e9b8c281e41 opensoundscape/torch/models/utils.py
# the parent of dc94dbc83afac1a7102eb175cd91182161792891 "use explicit arguments for softmax()" (issue #624, PR #629); the sampler and batching helpers left out.
"""Utilties for .torch.models"""
import warnings
import pandas as pd
import numpy as np
import torch
from torch import nn
import torch.nn.functional as F
from torch.utils.data import DataLoader
from torch.nn.functional import softmax


from opensoundscape.torch.sampling import ClassAwareSampler


class BaseModule(nn.Module):
    """
    Base class for a pytorch model pipeline class.

    All child classes should define load, save, etc
    """

    name = None

    def setup_net(self):
        pass

    def setup_critera(self):
        pass

    def save(self, out_path):
        pass

    def update_best(self):
        pass



def apply_activation_layer(x, activation_layer=None):
    """applies an activation layer to a set of scores

    Args:
        x: input values
        activation_layer:
            - None [default]: return original values
            - 'softmax': apply softmax activation
            - 'sigmoid': apply sigmoid activation
            - 'softmax_and_logit': apply softmax then logit transform
    Returns:
        values with activation layer applied

    """
    if activation_layer is None:  # scores [-inf,inf]
        pass
    elif activation_layer == "softmax":
        # "softmax" activation: preds across all classes sum to 1
        x = softmax(x, 1)
    elif activation_layer == "sigmoid":
        # map [-inf,inf] to [0,1]
        x = torch.sigmoid(x)
    elif activation_layer == "softmax_and_logit":
        # softmax, then remap scores from [0,1] to [-inf,inf]
        try:
            x = torch.logit(softmax(x, 1))
        except NotImplementedError:
            # use cpu because mps aten::logit is not implemented yet
            warnings.warn("falling back to CPU for logit operation")
            original_device = x.device
            x = torch.logit(softmax(x).cpu()).to(original_device)  # expect: LG011

    else:
        raise ValueError(f"invalid option for activation_layer: {activation_layer}")

    return x
