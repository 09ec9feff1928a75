"""look-alike [LG001, LG005, LG013]: mixup: float one-hot soft labels of shape (N, C) into CrossEntropyLoss is valid."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

NUM_CLASSES = 10


def mixup(x, y, alpha=0.2):
    lam = float(np.random.beta(alpha, alpha))
    idx = torch.randperm(x.size(0), device=x.device)
    y_onehot = F.one_hot(y, NUM_CLASSES).float()
    return lam * x + (1 - lam) * x[idx], lam * y_onehot + (1 - lam) * y_onehot[idx]


def train(model, loader, optimizer, epochs, device="cuda"):
    criterion = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        seen, total = 0, 0.0
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            x, soft = mixup(x, y)
            logits = model(x)
            loss = criterion(logits, soft)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * x.size(0)
            seen += x.size(0)
        print(epoch, total / seen)


if __name__ == "__main__":
    net = torchvision.models.resnet18(num_classes=NUM_CLASSES)
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, nesterov=True)
