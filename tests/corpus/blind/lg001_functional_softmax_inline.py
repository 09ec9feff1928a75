"""positive [LG001]: research train step normalises the logits with torch.softmax and passes the probabilities to F.cross_entropy."""
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.models import resnet18


def train_one_epoch(model, loader, optimizer, device, label_smoothing=0.0):
    model.train()
    seen, loss_sum = 0, 0.0
    for images, targets in loader:
        images = images.to(device, non_blocking=True)
        targets = targets.to(device, non_blocking=True)

        logits = model(images)
        probs = torch.softmax(logits, dim=-1)
        loss = F.cross_entropy(probs, targets, label_smoothing=label_smoothing)  # expect: LG001

        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()

        seen += images.size(0)
        loss_sum += loss.item() * images.size(0)
    return loss_sum / max(seen, 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--smoothing", type=float, default=0.1)
    args = parser.parse_args()

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = resnet18(num_classes=100)
    model.fc = nn.Linear(512, 100)
    model.to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)
    from data import build_cifar100_loader

    loader = build_cifar100_loader(train=True)
    for epoch in range(args.epochs):
        loss = train_one_epoch(model, loader, optimizer, device, args.smoothing)
        print(f"epoch {epoch}: {loss:.4f}")


if __name__ == "__main__":
    main()
