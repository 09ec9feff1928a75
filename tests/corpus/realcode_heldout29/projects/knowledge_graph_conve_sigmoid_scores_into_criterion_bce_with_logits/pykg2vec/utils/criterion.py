"""part of positive project [LG003]: the loss library: multi_class_bce smooths the one-hot head/tail targets and calls torch.nn.BCEWithLogitsLoss() on the predictions it is given, which for ConvE are sigmoid outputs (sigmoid applied twice)."""
# Source: Sujit-O/pykg2vec at 492807b6, pykg2vec/utils/criterion.py; re-typed, identifiers renamed; the RotatE self-adversarial loss
# shortened.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Criterion:
    @staticmethod
    def pairwise_hinge(pos_preds, neg_preds, margin):
        loss = pos_preds + margin - neg_preds
        loss = torch.max(loss, torch.zeros_like(loss)).sum()
        return loss

    @staticmethod
    def pointwise_logistic(preds, target):
        loss = F.softplus(target * preds).mean()
        return loss

    @staticmethod
    def pointwise_bce(preds, target):
        loss = torch.nn.BCEWithLogitsLoss()(preds, torch.clamp(target, min=0.0, max=1.0))
        return loss

    @staticmethod
    def multi_class_bce(pred_heads, pred_tails, tr_h, hr_t, label_smoothing, tot_entity):
        if label_smoothing is not None and tot_entity is not None:
            hr_t = hr_t * (1.0 - label_smoothing) + 1.0 / tot_entity
            tr_h = tr_h * (1.0 - label_smoothing) + 1.0 / tot_entity
        loss_heads = torch.mean(torch.nn.BCEWithLogitsLoss()(pred_heads, tr_h))  # expect: LG003
        loss_tails = torch.mean(torch.nn.BCEWithLogitsLoss()(pred_tails, hr_t))  # expect: LG003
        loss = loss_heads + loss_tails
        return loss

    @staticmethod
    def multi_class(pred_heads, pred_tails):
        loss = pred_heads + pred_tails
        return loss
