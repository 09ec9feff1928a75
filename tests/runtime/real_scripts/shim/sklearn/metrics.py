"""sklearn.metrics: f1_score for single-label predictions (graphsage-simple), roc_auc_score (LightGCN-PyTorch,
gae-pytorch) and average_precision_score (gae-pytorch)."""

import numpy as np


def f1_score(y_true, y_pred, average="binary"):
    """Micro-averaged F1 of single-label predictions is their accuracy (the only average the scripts use)."""
    if average != "micro":
        raise NotImplementedError(f"the stand-in computes average='micro' only, got {average!r}")
    return float(np.mean(np.asarray(y_true).reshape(-1) == np.asarray(y_pred).reshape(-1)))


def roc_auc_score(y_true, y_score):
    """The probability that a positive scores above a negative (ties half): the ROC AUC (LightGCN-PyTorch's AUC)."""
    y, s = np.asarray(y_true).reshape(-1) > 0, np.asarray(y_score, dtype=float).reshape(-1)
    pos, neg = s[y], s[~y]
    if not len(pos) or not len(neg):
        raise ValueError("Only one class present in y_true. ROC AUC score is not defined in that case.")
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()) / (len(pos) * len(neg)))


def average_precision_score(y_true, y_score):
    """The mean of the precision at each positive's rank, scores sorted high to low (zfjsail/gae-pytorch's AP; ties
    broken by order)."""
    y = np.asarray(y_true).reshape(-1) > 0
    order = np.argsort(-np.asarray(y_score, dtype=float).reshape(-1), kind="stable")
    hits = y[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float(precision[hits].mean()) if hits.any() else 0.0
