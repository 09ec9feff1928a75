"""positive [LG009]: a Hinton-style distiller builds nn.KLDivLoss() with the default reduction='mean' and weighs it against cross-entropy."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Distiller(nn.Module):
    def __init__(self, student: nn.Module, teacher: nn.Module, temperature: float = 3.0, kd_weight: float = 0.5):
        super().__init__()
        self.student = student
        self.teacher = teacher.eval()
        self.T = temperature
        self.kd_weight = kd_weight
        self.kl_div = nn.KLDivLoss()  # expect: LG009
        self.ce = nn.CrossEntropyLoss()

    def forward(self, x, y):
        s_logits = self.student(x)
        with torch.no_grad():
            t_logits = self.teacher(x)
        soft = self.kl_div(F.log_softmax(s_logits / self.T, dim=-1), F.softmax(t_logits / self.T, dim=-1))
        hard = self.ce(s_logits, y)
        return self.kd_weight * soft * self.T ** 2 + (1 - self.kd_weight) * hard


def train(distiller, loader, epochs=100):
    opt = torch.optim.SGD(distiller.student.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    for _ in range(epochs):
        for x, y in loader:
            loss = distiller(x.cuda(), y.cuda())
            opt.zero_grad()
            loss.backward()
            opt.step()
