"""positive [LG016]: pykale's binary_cross_entropy applies an nn.Sigmoid module to the logits and gives the probabilities to BCELoss in the same function (next to a correct log_softmax + NLLLoss with a reduction='none' weighted mean)."""
# Source: pykale/pykale@545b871b0e619d721cf11bfd1837548c369fde62 kale/evaluate/metrics.py (the first two losses; the metrics after them left out)
# =============================================================================
# Author: Shuo Zhou, sz144@outlook.com
#         Sina Tabakhi, sina.tabakhi@gmail.com
#         Peizhen Bai, https://github.com/peizhenbai
#         Mohammod Suvon, m.suvon@sheffield.ac.uk
# =============================================================================

"""Commonly used metrics, losses, and distances, part from domain adaptation package
https://github.com/criteo-research/pytorch-ada/blob/master/adalib/ada/models/losses.py
"""
from enum import Enum

import torch
import torch.nn as nn
from sklearn.metrics import auc
from torch.autograd import grad
from torch.nn import functional as F
from torchmetrics import AUROC, AveragePrecision, PrecisionRecallCurve


def cross_entropy_logits(output, target, weights=None):
    """Computes cross-entropy with logits

    Args:
        output (Tensor): The output of the last layer of the network, before softmax.
        target (Tensor): The ground truth label.
        weights (Tensor, optional): The weight of each sample. Defaults to None.

    Returns:
        loss (Tensor): The computed loss value.
        is_correct (Tensor): A tensor of Boolean values. Each True in is_correct indicates a correctly predicted
            label, while each False indicates an incorrect prediction.

    Examples:
        See DANN, WDGRL, and MMD trainers in kale.pipeline.domain_adapter
    """

    class_output = F.log_softmax(output, dim=1)
    max_class = class_output.max(1)
    y_hat = max_class[1]  # get the index of the max log-probability
    is_correct = y_hat.eq(target.view(target.size(0)).type_as(y_hat))
    if weights is None:
        loss = nn.NLLLoss()(class_output, target.type_as(y_hat).view(target.size(0)))
    else:
        losses = nn.NLLLoss(reduction="none")(class_output, target.type_as(y_hat).view(target.size(0)))
        loss = torch.sum(weights * losses) / torch.sum(weights)
    return loss, is_correct


def binary_cross_entropy(output, target):
    """
    Compute binary cross-entropy loss between predicted output and true labels.

    Args:
        output (Tensor): The output of the last layer of the network, before softmax.
        target (Tensor): The ground truth label.
    """
    loss_fct = torch.nn.BCELoss()
    m = nn.Sigmoid()
    n = torch.squeeze(m(output), 1)
    loss = loss_fct(n, target)  # expect: LG016
    return n, loss
