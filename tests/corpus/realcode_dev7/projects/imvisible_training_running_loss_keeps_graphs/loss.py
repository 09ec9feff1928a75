"""part of positive project [LG001, LG006, LG011]: the combined loss gives the network's class probabilities to CrossEntropyLoss, which applies log-softmax itself."""
# Source: samuelyu2002/ImVisible@a463a0a2b1 Model/loss.py (re-typed; names kept)
import torch.nn as nn


def my_loss(classifier, regression, points, mode):
    # classifier is the predicted class, regression an array of predicted coordinates
    alpha = 0.5
    MSE = nn.MSELoss()
    MSEl = MSE(regression, points)
    cross_entropy = nn.CrossEntropyLoss()
    ce = cross_entropy(classifier, mode)  # expect: LG001
    loss = ce * alpha + MSEl * (1 - alpha)
    return loss, MSEl, ce
