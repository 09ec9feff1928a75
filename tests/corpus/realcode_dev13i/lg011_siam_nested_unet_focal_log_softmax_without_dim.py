"""positive [LG011]: the focal loss of a change-detection trainer calls F.log_softmax on the flattened (N*H*W, C) scores without dim=; the per-batch loss is logged through a helper that stores loss.item()."""
# Source: https://github.com/likyoo/Siam-NestedUNet/issues/4 (the user's warning and fix, "edited code ... to F.log_softmax(input, dim=1)"); likyoo/Siam-NestedUNet@039ae5f utils/metrics.py, utils/losses.py, utils/helpers.py, train.py (cut, renamed)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class FocalLoss(nn.Module):
    def __init__(self, gamma=0, alpha=None, size_average=True):
        super().__init__()
        self.gamma = gamma
        self.alpha = alpha
        self.size_average = size_average

    def forward(self, scores, target):
        if scores.dim() > 2:
            scores = scores.view(scores.size(0), scores.size(1), -1)
            scores = scores.transpose(1, 2)
            scores = scores.contiguous().view(-1, scores.size(2))
        target = target.view(-1, 1)
        logpt = F.log_softmax(scores)  # expect: LG011
        logpt = logpt.gather(1, target).view(-1)
        pt = logpt.detach().exp()
        loss = -1 * (1 - pt) ** self.gamma * logpt
        if self.size_average:
            return loss.mean()
        return loss.sum()


def hybrid_loss(predictions, target):
    focal = FocalLoss()
    weights = torch.tensor([0.5, 0.5, 0.75, 0.75, 1.0])
    total = 0
    for i, pred in enumerate(predictions):
        total += focal(pred, target) * weights[i]
    return total


def record(metrics, loss, lr):
    metrics["losses"].append(loss.item())
    metrics["lr"].append(lr)
    return metrics


def train(model, loader, optimizer, epochs, dev):
    for epoch in range(epochs):
        metrics = {"losses": [], "lr": []}
        model.train()
        for img_a, img_b, labels in loader:
            img_a, img_b = img_a.float().to(dev), img_b.float().to(dev)
            labels = labels.long().to(dev)
            optimizer.zero_grad()
            preds = model(img_a, img_b)
            loss = hybrid_loss(preds, labels)
            loss.backward()
            optimizer.step()
            metrics = record(metrics, loss, optimizer.param_groups[0]["lr"])
        print(epoch, {k: np.mean(v) for k, v in metrics.items()})
