"""look-alike [LG006, LG014]: gradient accumulation that sums micro-batch losses into `accum_loss` and calls backward on the sum every k steps, then resets it."""
import torch
import torch.nn as nn


def train(model, loader, optimizer, accum_steps=8, device="cuda"):
    criterion = nn.CrossEntropyLoss()
    model.train()
    optimizer.zero_grad()
    accum_loss = 0.0
    for i, (x, y) in enumerate(loader):
        x, y = x.to(device), y.to(device)
        loss = criterion(model(x), y) / accum_steps
        accum_loss = accum_loss + loss
        if (i + 1) % accum_steps == 0:
            accum_loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            print(f"step {(i + 1) // accum_steps}: {accum_loss.item():.4f}")
            accum_loss = 0.0
