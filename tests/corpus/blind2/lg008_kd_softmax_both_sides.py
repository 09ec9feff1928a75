"""positive [LG008]: a distillation step passes softmax(student / T) as the *input* of KLDivLoss(reduction='batchmean'), which expects log-probabilities."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def distill_epoch(student, teacher, loader, optimizer, T=4.0, alpha=0.9, device="cuda"):
    kd_criterion = nn.KLDivLoss(reduction="batchmean")
    teacher.eval()
    student.train()
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        with torch.no_grad():
            teacher_logits = teacher(images)
        student_logits = student(images)
        p_student = F.softmax(student_logits / T, dim=1)
        p_teacher = F.softmax(teacher_logits / T, dim=1)
        kd = kd_criterion(p_student, p_teacher) * (T * T)  # expect: LG008
        ce = F.cross_entropy(student_logits, labels)
        loss = alpha * kd + (1.0 - alpha) * ce
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
