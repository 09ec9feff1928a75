"""look-alike [LG001, LG008, LG009, LG013]: distillation where softmax is applied to the teacher's *target*; CE with soft labels and KLDiv(batchmean)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def distill_epoch(student, teacher, loader, optimizer, T=4.0, alpha=0.7, device="cuda"):
    teacher.eval()
    student.train()
    kl = nn.KLDivLoss(reduction="batchmean")
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        with torch.no_grad():
            teacher_logits = teacher(images)
        student_logits = student(images)

        soft_ce = F.cross_entropy(student_logits, teacher_logits.softmax(-1))
        kd = kl(F.log_softmax(student_logits / T, dim=1), F.softmax(teacher_logits / T, dim=1)) * T * T
        hard = F.cross_entropy(student_logits, labels)
        loss = alpha * kd + (1 - alpha) * hard + 0.1 * soft_ce

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


if __name__ == "__main__":
    import torchvision
    teacher = torchvision.models.resnet101(num_classes=100)
    student = torchvision.models.resnet18(num_classes=100)
    opt = torch.optim.SGD(student.parameters(), lr=0.05, momentum=0.9)
