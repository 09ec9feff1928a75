"""positive [LG008]: distillation with KLDivLoss(batchmean) but softmax (not log_softmax) on the student input."""
import torch
import torch.nn as nn
import torch.nn.functional as F

T = 4.0
kl = nn.KLDivLoss(reduction="batchmean")


def distill(student, teacher, loader, optimizer, alpha=0.9):
    teacher.eval()
    for x, y in loader:
        with torch.no_grad():
            t_logits = teacher(x)
        s_logits = student(x)
        student_probs = F.softmax(s_logits / T, dim=1)
        loss_kd = kl(student_probs, F.softmax(t_logits / T, dim=1)) * T * T  # expect: LG008
        loss = alpha * loss_kd + (1 - alpha) * F.cross_entropy(s_logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
