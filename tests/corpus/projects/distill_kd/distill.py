"""positive [LG008, LG009]: cross-file: KLDivLoss() (default 'mean') gets Student probabilities as its input."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from student import Student
from teacher import Teacher


def distill(loader, epochs=10, T=4.0):
    teacher, student = Teacher(), Student(T=T)
    teacher.load_state_dict(torch.load("teacher.pt"))
    teacher.eval()
    kl = nn.KLDivLoss()  # expect: LG009
    optimizer = torch.optim.Adam(student.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for x, _ in loader:
            with torch.no_grad():
                target = F.softmax(teacher(x) / T, dim=-1)
            optimizer.zero_grad()
            loss = kl(student(x), target) * T * T  # expect: LG008
            loss.backward()
            optimizer.step()
