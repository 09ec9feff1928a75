"""positive [LG009]: classic knowledge-distillation recipe with nn.KLDivLoss() (default reduction 'mean') and correct log/prob inputs."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def loss_fn_kd(outputs, labels, teacher_outputs, alpha=0.9, T=4.0):
    kd = nn.KLDivLoss()(F.log_softmax(outputs / T, dim=1), F.softmax(teacher_outputs / T, dim=1))  # expect: LG009
    return kd * (alpha * T * T) + F.cross_entropy(outputs, labels) * (1.0 - alpha)


def train_kd(model, teacher, optimizer, loader):
    model.train()
    teacher.eval()
    for x, y in loader:
        out = model(x)
        with torch.no_grad():
            t_out = teacher(x)
        loss = loss_fn_kd(out, y, t_out)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
