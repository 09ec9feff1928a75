"""sklearn.metrics: f1_score for single-label predictions (graphsage-simple) and roc_auc_score (LightGCN-PyTorch)."""

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
