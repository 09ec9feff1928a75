"""positive [LG009]: knowledge-distillation criterion is built as nn.KLDivLoss() (default reduction 'mean'), inputs are otherwise correct."""
import torch
import torch.nn as nn
import torch.nn.functional as F

TEMPERATURE = 5.0


class KDTrainer:
    def __init__(self, student, teacher, lr=1e-3, alpha=0.7):
        self.student = student
        self.teacher = teacher.eval()
        self.alpha = alpha
        self.kd_criterion = nn.KLDivLoss()  # expect: LG009
        self.ce = nn.CrossEntropyLoss()
        self.opt = torch.optim.Adam(student.parameters(), lr=lr)

    def step(self, x, y):
        with torch.no_grad():
            t = self.teacher(x)
        s = self.student(x)
        kd = self.kd_criterion(
            F.log_softmax(s / TEMPERATURE, dim=1),
            F.softmax(t / TEMPERATURE, dim=1),
        ) * TEMPERATURE ** 2
        loss = self.alpha * kd + (1 - self.alpha) * self.ce(s, y)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()

    def fit(self, loader, epochs):
        for epoch in range(epochs):
            vals = [self.step(x, y) for x, y in loader]
            print(f"epoch {epoch}: {sum(vals) / len(vals):.4f}")


if __name__ == "__main__":
    st = nn.Sequential(nn.Linear(32, 10))
    te = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 10))
    KDTrainer(st, te).fit([(torch.randn(8, 32), torch.randint(0, 10, (8,)))], 2)
