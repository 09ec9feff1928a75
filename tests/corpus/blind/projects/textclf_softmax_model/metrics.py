"""part of positive project [LG001, LG006]: metric helpers; softmax here is only for reporting and is correct."""
import torch
import torch.nn.functional as F


def accuracy(scores, labels):
    return (scores.argmax(dim=1) == labels).float().mean().item()


def expected_calibration_error(logits, labels, n_bins=15):
    probs = F.softmax(logits, dim=1)
    conf, pred = probs.max(dim=1)
    bins = torch.linspace(0, 1, n_bins + 1)
    ece = torch.zeros(())
    for lo, hi in zip(bins[:-1], bins[1:]):
        in_bin = (conf > lo) & (conf <= hi)
        if in_bin.any():
            acc = (pred[in_bin] == labels[in_bin]).float().mean()
            ece += in_bin.float().mean() * (conf[in_bin].mean() - acc).abs()
    return ece.item()
