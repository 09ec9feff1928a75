"""positive [LG009]: teacher-free KD loss D_KL = nn.KLDivLoss()(F.log_softmax(outputs / T, dim=1), F.softmax(teacher_outputs / T, dim=1)) * (T * T): the default reduction averages over every element, not the batch."""
# Source: issue https://github.com/yuanli2333/Teacher-free-Knowledge-Distillation/issues/41 (loss_kd posted in the
# thread, with the reporter's prints removed); re-typed, names changed.
import torch.nn as nn
import torch.nn.functional as F


def loss_kd(outputs, labels, teacher_outputs, params):
    alpha = params.alpha
    T = params.temperature
    loss_CE = F.cross_entropy(outputs, labels)
    D_KL = nn.KLDivLoss()(F.log_softmax(outputs / T, dim=1), F.softmax(teacher_outputs / T, dim=1)) * (T * T)  # expect: LG009
    KD_loss = (1. - alpha) * loss_CE + alpha * D_KL
    return KD_loss
