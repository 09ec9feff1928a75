"""look-alike [LG008, LG009, LG001]: textbook KD: KLDivLoss(reduction='batchmean') on log_softmax(student/T) vs softmax(teacher/T), times T^2, plus CE on logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def kd_loss(student_logits, teacher_logits, labels, T=3.0, alpha=0.5):
    kl = nn.KLDivLoss(reduction="batchmean")
    soft = kl(F.log_softmax(student_logits / T, dim=1), F.softmax(teacher_logits / T, dim=1)) * T * T
    hard = F.cross_entropy(student_logits, labels)
    return alpha * soft + (1.0 - alpha) * hard


def train_student(student, teacher, loader, epochs=50, device="cuda"):
    teacher.eval()
    opt = torch.optim.Adam(student.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=20, gamma=0.1)
    for ep in range(epochs):
        student.train()
        agg = 0.0
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            with torch.no_grad():
                t_out = teacher(x)
            s_out = student(x)
            loss = kd_loss(s_out, t_out, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            agg += loss.item()
        sched.step()
        agreement = (s_out.argmax(1) == t_out.argmax(1)).float().mean().item()
        print(f"ep {ep} loss {agg / len(loader):.3f} agreement {agreement:.2f}")


if __name__ == "__main__":
    s = nn.Linear(10, 5)
    print(kd_loss(s(torch.randn(4, 10)), torch.randn(4, 5), torch.tensor([0, 1, 2, 3])))
