"""look-alike [LG013, LG001]: mixup/cutmix produce float one-hot targets of shape (N, C), which CrossEntropyLoss accepts as class probabilities."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def mixup(x, y, num_classes, alpha=0.2):
    lam = np.random.beta(alpha, alpha)
    idx = torch.randperm(x.size(0), device=x.device)
    y_onehot = F.one_hot(y, num_classes).float()
    x_mix = lam * x + (1 - lam) * x[idx]
    y_mix = lam * y_onehot + (1 - lam) * y_onehot[idx]
    return x_mix, y_mix


def train_epoch(model, loader, optimizer, num_classes=100, device="cuda"):
    criterion = nn.CrossEntropyLoss()
    model.train()
    tot = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        x_mix, y_mix = mixup(x, y, num_classes)
        logits = model(x_mix)
        loss = criterion(logits, y_mix)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        tot += loss.item()
    return tot / len(loader)


def soft_target_ce(logits, soft):
    return torch.sum(-soft * F.log_softmax(logits, dim=-1), dim=-1).mean()


if __name__ == "__main__":
    net = nn.Linear(16, 100)
    x, y = torch.randn(8, 16), torch.randint(0, 100, (8,))
    xm, ym = mixup(x, y, 100)
    print(F.cross_entropy(net(xm), ym).item(), soft_target_ce(net(xm), ym).item())
