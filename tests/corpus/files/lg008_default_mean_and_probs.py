"""positive [LG008, LG009]: nn.KLDivLoss() with the default reduction ('mean') and a softmax input: two findings on different lines."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Student(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 100))

    def forward(self, x):
        return self.net(x)


student = Student()
criterion_kd = nn.KLDivLoss()  # expect: LG009
optimizer = torch.optim.SGD(student.parameters(), lr=0.05, momentum=0.9)


def train(loader, teacher_logits_bank, T=3.0):
    for idx, feats, labels in loader:
        optimizer.zero_grad()
        s = F.softmax(student(feats) / T, dim=1)
        t = F.softmax(teacher_logits_bank[idx] / T, dim=1)
        loss = criterion_kd(s, t) * T * T  # expect: LG008
        loss.backward()
        optimizer.step()
