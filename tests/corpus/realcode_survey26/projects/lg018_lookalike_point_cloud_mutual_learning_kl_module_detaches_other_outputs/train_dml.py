"""part of look-alike project [LG018]: deep mutual learning steps the teacher on its cross-entropy plus a KL term to the student's outputs, then the student on its own; the KL loss detaches the other network's outputs, so the teacher's loss leaves no gradient on the student."""

# Source: mit-han-lab/pvcnn@476715b train_dml.py (re-typed, renamed, cut to the training kernel and its set-up)
import torch
import torch.nn as nn

from modules import KLLoss


def train(model, loader, criterion, optimizer, scheduler, writer, step, model_student=None, criterion_dml=None, optimizer_student=None):
    model.train()
    if model_student is not None:
        model_student.train()
    for inputs, targets in loader:
        if model_student is None:
            optimizer.zero_grad()
            loss = criterion(model(inputs), targets)
            writer.add_scalar("loss/train", loss.item(), step)
            loss.backward()
            optimizer.step()
        else:
            optimizer.zero_grad()
            optimizer_student.zero_grad()
            outputs = model(inputs)
            outputs_student = model_student(inputs)
            loss = criterion(outputs, targets) + criterion_dml(outputs_student, outputs)
            loss_student = criterion(outputs_student, targets) + criterion_dml(outputs, outputs_student)
            writer.add_scalar("loss/train", loss.item(), step)
            writer.add_scalar("loss/train_student", loss_student.item(), step)
            loss.backward()
            optimizer.step()
            loss_student.backward()
            optimizer_student.step()
        step += targets.size(0)
    scheduler.step()


def main(loader, writer, make_model, epochs, deep_mutual_learning=True):
    model = make_model()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    if deep_mutual_learning:
        model_student = make_model()
        optimizer_student = torch.optim.Adam(model_student.parameters(), lr=1e-3)
        criterion_dml = KLLoss()
    else:
        model_student, optimizer_student, criterion_dml = None, None, None
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs)
    for _ in range(epochs):
        train(
            model,
            loader,
            criterion,
            optimizer,
            scheduler,
            writer,
            0,
            model_student=model_student,
            criterion_dml=criterion_dml,
            optimizer_student=optimizer_student,
        )
