"""look-alike [LG009]: after the fix, F.kl_div is given reduction='batchmean'."""
# Source: wonbeomjang/Knowledge-Distilling-PyTorch@91d595e ("correct error") loss.py (as is)
import torch.nn.functional as F


def loss_kd(preds, labels, teacher_preds, params):
    T = params.temperature
    alpha = params.alpha
    loss = F.kl_div(F.log_softmax(preds / T, dim=1), F.softmax(teacher_preds / T, dim=1), reduction='batchmean') * T * T * alpha + \
           F.cross_entropy(preds, labels) * (1. - alpha)
    return loss
