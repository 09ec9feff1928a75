"""look-alike [LG009, LG008]: KLDivLoss(reduction='batchmean') and F.kl_div(..., reduction='sum') / batch are both true KL."""
import torch
import torch.nn as nn
import torch.nn.functional as F

kd_criterion = nn.KLDivLoss(reduction="batchmean")


def kd_losses(s_logits, t_logits, T=4.0):
    log_p = F.log_softmax(s_logits / T, dim=-1)
    q = F.softmax(t_logits / T, dim=-1)
    a = kd_criterion(log_p, q) * T * T
    b = F.kl_div(log_p, q, reduction="sum") / s_logits.size(0) * T * T
    return a, b


def train(student, teacher, loader, optimizer):
    for x, y in loader:
        with torch.no_grad():
            t = teacher(x)
        s = student(x)
        a, b = kd_losses(s, t)
        loss = 0.5 * (a + b) + F.cross_entropy(s, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
