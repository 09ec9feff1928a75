"""buggy: knowledge distillation with KLDivLoss (LG008 kldiv-input-not-log)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

T = 4.0
teacher = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10))
student = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
teacher.eval()
kl = nn.KLDivLoss(reduction="batchmean")
optimizer = torch.optim.Adam(student.parameters(), lr=1e-3)

for step in range(1000):
    x = torch.randn(128, 64)
    y = torch.randint(0, 10, (128,))
    with torch.no_grad():
        teacher_probs = F.softmax(teacher(x) / T, dim=1)
    student_logits = student(x)
    student_probs = F.softmax(student_logits / T, dim=1)
    kd_loss = kl(student_probs, teacher_probs) * T * T  # expect: LG008
    loss = 0.9 * kd_loss + 0.1 * F.cross_entropy(student_logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 100 == 0:
        print(step, loss.item())
