"""look-alike [LG006]: T-Revision's reweighted loss sums one cross-entropy per sample inside its forward and returns the mean: the sum lives for one step."""

# Source: xiaoboxia/T-Revision@b598cf2 loss.py, main.py (re-typed, renamed, cut to the loss and the training step)
import torch
import torch.nn as nn
import torch.nn.functional as F


class ReweightLoss(nn.Module):
    def forward(self, out, T, target):
        loss = 0.0
        out_softmax = F.softmax(out, dim=1)
        for i in range(len(target)):
            p = out_softmax[i].unsqueeze(0)
            pro1 = p[:, target[i]]
            pro2 = torch.matmul(T.t(), p.t()).t()[:, target[i]]
            beta = pro1 / pro2
            cross_loss = F.cross_entropy(out[i].unsqueeze(0), target[i].unsqueeze(0))
            loss += beta * cross_loss
        return loss / len(target)


def train(model, loader, optimizer, T):
    criterion = ReweightLoss()
    total = 0.0
    for images, labels in loader:
        optimizer.zero_grad()
        loss = criterion(model(images), T, labels)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total
