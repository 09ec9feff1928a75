"""part of look-alike project [LG001, LG003, LG004, LG013]: evaluation metrics: a NumPy sigmoid over the returned logits for multi-label thresholds, argmax for single-label."""
# Source: TrongNV2003/multi-label-classification at 72f8a1b8 (read as is), multi_intent_classification/trainer_hf/metrics.py;
# re-typed, identifiers renamed.
import numpy as np
from sklearn.metrics import precision_score, recall_score, f1_score, accuracy_score


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def compute_metrics(eval_pred: tuple, is_multi_label: bool):
    logits, labels = eval_pred
    if is_multi_label:
        preds = (sigmoid(logits) > 0.5).astype(int)
        refs = labels.astype(int)
        res = {}
        for avg in ["micro", "macro", "weighted"]:
            res[f"{avg}_precision"] = precision_score(refs, preds, average=avg, zero_division=0)
            res[f"{avg}_recall"] = recall_score(refs, preds, average=avg, zero_division=0)
            res[f"{avg}_f1"] = f1_score(refs, preds, average=avg, zero_division=0)
        return res
    preds = np.argmax(logits, axis=1).astype(int)
    refs = labels.astype(int)
    return {
        "precision": precision_score(refs, preds, average="weighted", zero_division=0) * 100,
        "f1": f1_score(refs, preds, average="weighted", zero_division=0) * 100,
        "accuracy": accuracy_score(refs, preds) * 100,
    }
