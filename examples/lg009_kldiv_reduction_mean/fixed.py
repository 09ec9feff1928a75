"""fixed: distillation loss weighted against cross-entropy (LG009 kldiv-reduction-mean)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

T = 2.0
teacher = nn.Sequential(nn.Linear(100, 512), nn.ReLU(), nn.Linear(512, 100))
student = nn.Sequential(nn.Linear(100, 64), nn.ReLU(), nn.Linear(64, 100))
kl = nn.KLDivLoss(reduction="batchmean")
optimizer = torch.optim.SGD(student.parameters(), lr=0.05, momentum=0.9)

for step in range(2000):
    x = torch.randn(64, 100)
    y = torch.randint(0, 100, (64,))
    with torch.no_grad():
        t_logits = teacher(x)
    s_logits = student(x)
    kd = kl(F.log_softmax(s_logits / T, dim=-1), F.softmax(t_logits / T, dim=-1)) * T * T
    loss = 0.5 * kd + 0.5 * F.cross_entropy(s_logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

@torch.no_grad()
def agreement(n_batches=10):
    student.eval()
    hits = 0
    for _ in range(n_batches):
        x = torch.randn(256, 100)
        hits += (student(x).argmax(-1) == teacher(x).argmax(-1)).sum().item()
    return hits / (256 * n_batches)


print("student/teacher agreement:", agreement())
