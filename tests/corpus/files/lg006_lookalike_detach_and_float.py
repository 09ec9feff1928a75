"""look-alike [LG006]: accumulators hold `loss.detach().cpu()`, `float(loss)` and `loss.data`: no graph is kept."""
import torch
import torch.nn as nn


def train(model, loader, epochs=5):
    criterion = nn.L1Loss()
    opt = torch.optim.Adam(model.parameters(), lr=2e-4)
    for epoch in range(epochs):
        epoch_losses = []
        total = 0.0
        legacy = 0.0
        for lr_img, hr_img in loader:
            opt.zero_grad()
            loss = criterion(model(lr_img), hr_img)
            loss.backward()
            opt.step()
            epoch_losses.append(loss.detach().cpu())
            total = total + float(loss)
            legacy += loss.data
        print(epoch, torch.stack(epoch_losses).mean().item(), total / len(loader), legacy.item())
