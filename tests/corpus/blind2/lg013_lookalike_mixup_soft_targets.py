"""look-alike [LG013, LG005]: mixup/cutmix produce float soft targets of shape (N, C) from one_hot; CrossEntropyLoss accepts class probabilities of the input's shape."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def mixup(x, y, n_classes, alpha=0.2):
    lam = float(np.random.beta(alpha, alpha))
    perm = torch.randperm(x.size(0), device=x.device)
    y_onehot = F.one_hot(y, n_classes).float()
    x_mix = lam * x + (1 - lam) * x[perm]
    y_mix = lam * y_onehot + (1 - lam) * y_onehot[perm]
    return x_mix, y_mix


def train_epoch(model, loader, optimizer, n_classes=100, device="cuda"):
    criterion = nn.CrossEntropyLoss()
    model.train()
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        images, soft = mixup(images, labels, n_classes)
        logits = model(images)
        loss = criterion(logits, soft)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
