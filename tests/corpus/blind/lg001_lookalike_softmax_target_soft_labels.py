"""look-alike [LG001, LG013]: teacher probabilities from softmax are the *target* of CrossEntropyLoss (soft labels of the input's shape); the student input stays logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Student(nn.Module):
    def __init__(self, in_dim=512, num_classes=100):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(in_dim, 256), nn.GELU(), nn.LayerNorm(256))
        self.head = nn.Linear(256, num_classes)

    def forward(self, x):
        return self.head(self.body(x))


def pseudo_label_step(student, teacher, batch, optimizer, temperature=2.0, alpha=0.7):
    x, y = batch
    with torch.no_grad():
        teacher_logits = teacher(x)
        soft_targets = F.softmax(teacher_logits / temperature, dim=-1)

    student_logits = student(x)
    ce = nn.CrossEntropyLoss()
    loss_soft = ce(student_logits / temperature, soft_targets)
    loss_hard = ce(student_logits, y)
    loss = alpha * loss_soft + (1 - alpha) * loss_hard

    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def run(student, teacher, loader, epochs=20):
    optimizer = torch.optim.Adam(student.parameters(), lr=1e-3)
    teacher.eval()
    history = []
    for epoch in range(epochs):
        epoch_losses = [pseudo_label_step(student, teacher, b, optimizer) for b in loader]
        history.append(sum(epoch_losses) / len(epoch_losses))
        print(epoch, history[-1])
    return history


if __name__ == "__main__":
    s = Student()
    t = Student()
    print(s(torch.randn(4, 512)).shape, t(torch.randn(4, 512)).shape)
