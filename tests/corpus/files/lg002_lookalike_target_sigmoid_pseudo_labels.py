"""look-alike [LG002, LG003, LG006, LG015, LG016]: sigmoid on teacher outputs used as the *target*; per-element loss reduced; losses list holds floats from .item()."""
import torch
import torch.nn as nn


def self_training_step(student, teacher, unlabeled, optimizer, threshold=0.9):
    criterion = nn.BCEWithLogitsLoss(reduction="none")
    with torch.no_grad():
        pseudo = torch.sigmoid(teacher(unlabeled))
        confident = ((pseudo > threshold) | (pseudo < 1 - threshold)).float()
    student_logits = student(unlabeled)
    per_elem = criterion(student_logits, pseudo)
    loss = (per_elem * confident).sum() / confident.sum().clamp(min=1.0)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def run(student, teacher, loader, epochs=5):
    optimizer = torch.optim.Adam(student.parameters(), lr=1e-4)
    teacher.eval()
    for epoch in range(epochs):
        losses = []
        for batch in loader:
            losses.append(self_training_step(student, teacher, batch, optimizer))
        print(epoch, sum(losses) / len(losses))
