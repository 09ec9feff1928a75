"""look-alike [LG001, LG008, LG009]: distillation passes softmax(teacher) as the soft *target* of cross_entropy and of KLDivLoss(batchmean); the student side stays logits / log_softmax."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DistillationLoss(nn.Module):
    def __init__(self, alpha: float = 0.7, T: float = 4.0):
        super().__init__()
        self.alpha = alpha
        self.T = T
        self.kl = nn.KLDivLoss(reduction="batchmean")

    def forward(self, student_logits, teacher_logits, labels):
        hard = F.cross_entropy(student_logits, labels)
        soft_targets = F.softmax(teacher_logits / self.T, dim=1)
        soft_ce = F.cross_entropy(student_logits / self.T, soft_targets)
        kd = self.kl(F.log_softmax(student_logits / self.T, dim=1), soft_targets) * self.T ** 2
        return (1 - self.alpha) * hard + self.alpha * 0.5 * (kd + soft_ce)


def distill(student, teacher, loader, optimizer, device="cuda"):
    criterion = DistillationLoss()
    teacher.eval()
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        with torch.no_grad():
            t_out = teacher(images)
        s_out = student(images)
        loss = criterion(s_out, t_out, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
