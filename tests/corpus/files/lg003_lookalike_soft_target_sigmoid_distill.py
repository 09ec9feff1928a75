"""look-alike [LG003, LG004, LG006]: multi-label distillation: teacher sigmoid is the target of binary_cross_entropy_with_logits; student gets logits."""
import torch
import torch.nn.functional as F


def distill_step(student, teacher, images, hard_labels, optimizer, T=2.0, alpha=0.5):
    with torch.no_grad():
        soft_targets = torch.sigmoid(teacher(images) / T)
    student_logits = student(images)
    soft_loss = F.binary_cross_entropy_with_logits(student_logits / T, soft_targets)
    hard_loss = F.binary_cross_entropy_with_logits(student_logits, hard_labels.float())
    loss = alpha * soft_loss * T * T + (1 - alpha) * hard_loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def run(student, teacher, loader, epochs=10, lr=1e-3):
    optimizer = torch.optim.Adam(student.parameters(), lr=lr)
    teacher.eval()
    for epoch in range(epochs):
        total = 0.0
        for images, labels in loader:
            total += distill_step(student, teacher, images, labels, optimizer)
        print(f"epoch {epoch}: {total / len(loader):.4f}")
