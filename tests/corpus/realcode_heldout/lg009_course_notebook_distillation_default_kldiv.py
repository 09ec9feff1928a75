"""positive [LG009]: course notebook's distillation(y, labels, teacher_scores, temp, alpha): nn.KLDivLoss() with the default reduction between F.log_softmax(y / temp, dim=1) and F.softmax(teacher_scores / temp, dim=1)."""
# Source: issue https://github.com/mepeichun/Efficient-Neural-Network-Bilibili/issues/1 (distillation() posted in the
# thread, from the repository's notebook; the debugging print removed); re-typed, names changed.
import torch.nn as nn
import torch.nn.functional as F


def distillation(y, labels, teacher_scores, temp, alpha):
    return nn.KLDivLoss()(F.log_softmax(y / temp, dim=1), F.softmax(teacher_scores / temp, dim=1)) * (  # expect: LG009
        temp * temp * 2.0 * alpha) + F.cross_entropy(y, labels) * (1. - alpha)


def train(model, teacher_model, device, train_loader, optimizer, epoch, temp=5.0, alpha=0.7):
    model.train()
    teacher_model.eval()
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        teacher_output = teacher_model(data).detach()
        loss = distillation(output, target, teacher_output, temp=temp, alpha=alpha)
        loss.backward()
        optimizer.step()
