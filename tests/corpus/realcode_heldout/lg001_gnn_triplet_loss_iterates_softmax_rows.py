"""positive [LG001, LG016]: graph-matching losses with criteria as default arguments: triplet_loss applies torch.softmax(raw_scores, -1) and iterates over the batch, feeding each (n, n) row block to CrossEntropyLoss(reduction='sum'); tsp_loss applies a default-argument nn.Sigmoid() right before BCELoss."""
# Source: https://github.com/mlelarge/graph_neural_net toolbox/losses.py at the parent of
# 62c624015e1bf83868dae6f22f6dd55b5c3af354 (pull request #37, "Fix bug softmax": "There was a softmax before a
# crossentropyloss"); re-typed, names changed, reduced.
import torch
import torch.nn as nn
from torch.nn.modules.activation import Sigmoid


def get_device(t):
    return t.device


class triplet_loss(nn.Module):
    def __init__(self, loss_reduction="mean", loss=nn.CrossEntropyLoss(reduction="sum")):
        super(triplet_loss, self).__init__()
        self.loss = loss
        if loss_reduction == "mean":
            self.increments = lambda new_loss, n_vertices: (new_loss, n_vertices)
        elif loss_reduction == "mean_of_mean":
            self.increments = lambda new_loss, n_vertices: (new_loss / n_vertices, 1)
        else:
            raise ValueError("Unknown loss_reduction parameters {}".format(loss_reduction))

    def forward(self, raw_scores, target_dummy):
        device = get_device(raw_scores)
        loss = 0
        total = 0
        outputs = torch.softmax(raw_scores, -1)
        for out in outputs:
            n_vertices = out.shape[0]
            ide = torch.arange(n_vertices)
            target = ide.to(device)
            incrs = self.increments(self.loss(out, target), n_vertices)  # expect: LG001
            loss += incrs[0]
            total += incrs[1]
        return loss / total


class tsp_loss(nn.Module):
    def __init__(self, loss=nn.BCELoss(reduction="none"), normalize=nn.Sigmoid()):
        super(tsp_loss, self).__init__()
        self.loss = loss
        self.normalize = normalize

    def forward(self, raw_scores, target):
        proba = self.normalize(raw_scores)
        loss = self.loss(proba, target)  # expect: LG016
        return torch.mean(loss)


def train_triplet(train_loader, model, optimizer, criterion, device):
    model.train()
    for i, (data, target) in enumerate(train_loader):
        data = data.to(device)
        target_deviced = target.to(device)
        raw_scores = model(data)
        loss = criterion(raw_scores, target_deviced)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
