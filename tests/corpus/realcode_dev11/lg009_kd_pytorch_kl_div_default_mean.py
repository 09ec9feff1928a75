"""positive [LG009]: the distillation term is F.kl_div with the default reduction, the mean over every element rather than the KL divergence per sample."""
# Source: wonbeomjang/Knowledge-Distilling-PyTorch@d0492c9715 (the parent of 91d595e, "correct error") loss.py (the backslash continuation written in parentheses, for the marker)
import torch.nn.functional as F


def loss_kd(preds, labels, teacher_preds, params):
    T = params.temperature
    alpha = params.alpha
    loss = (F.kl_div(F.log_softmax(preds / T, dim=1), F.softmax(teacher_preds / T, dim=1)) * T * T * alpha +  # expect: LG009
            F.cross_entropy(preds, labels) * (1. - alpha))
    return loss
