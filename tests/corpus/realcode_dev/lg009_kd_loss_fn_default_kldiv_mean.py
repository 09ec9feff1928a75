"""positive [LG009]: knowledge-distillation loss nn.KLDivLoss()(F.log_softmax(outputs/T, dim=1), F.softmax(teacher/T, dim=1)) * alpha*T*T with the default reduction; the training loop receives it as a function argument."""
# Source: https://github.com/haitongli/knowledge-distillation-pytorch model/net.py and train.py at
# 9937528f0be0efa979c745174fbcbe9621cea8b7 (found by this survey; the same code is in peterliht's original); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F


def loss_fn_kd(outputs, labels, teacher_outputs, params):
    alpha = params.alpha
    T = params.temperature
    KD_loss = nn.KLDivLoss()(F.log_softmax(outputs / T, dim=1), F.softmax(teacher_outputs / T, dim=1)) * (alpha * T * T) + (  # expect: LG009
        F.cross_entropy(outputs, labels) * (1. - alpha)
    )
    return KD_loss


def train_kd(model, teacher_model, optimizer, loss_fn_kd, dataloader, params):
    model.train()
    teacher_model.eval()
    for i, (train_batch, labels_batch) in enumerate(dataloader):
        output_batch = model(train_batch)
        with torch.no_grad():
            output_teacher_batch = teacher_model(train_batch)
        loss = loss_fn_kd(output_batch, labels_batch, output_teacher_batch, params)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
