"""A stand-in for sklearn.metrics (not installed): average precision, as DeepGraphLearning's
KnowledgeGraphEmbedding imports it for its Countries evaluation (not reached by a training run)."""

import numpy as np


def average_precision_score(y_true, y_score):
    """The mean of the precision at each positive, ranked by score (sklearn's definition, no ties)."""
    order = np.argsort(-np.asarray(y_score, dtype=float), kind="stable")
    hits = np.asarray(y_true, dtype=float)[order]
    if hits.sum() == 0:
        return 0.0
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / hits.sum())
