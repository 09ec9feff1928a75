"""part of look-alike project [LG007, LG001]: the loss named in the config is a thin wrapper of F.nll_loss; the model it is used with returns log-probabilities."""
# Source: https://github.com/victoresque/pytorch-template model/loss.py at 41dc06f6f8f3f38c6ed49f01ff7d89cd5688adc4;
# re-typed, names changed. Correct code.
import torch.nn.functional as F


def nll_wrapper(log_probs, labels):
    return F.nll_loss(log_probs, labels)
