"""positive [LG006]: step-based `while` training loop (no epochs) with `window.append(loss)` for a moving average."""
import torch
import torch.nn as nn


def train(model, batches, max_steps=10000):
    criterion = nn.CrossEntropyLoss()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4)
    window = []
    step = 0
    it = iter(batches)
    while step < max_steps:
        x, y = next(it)
        opt.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        opt.step()
        window.append(loss)  # expect: LG006
        if len(window) > 100:
            window.pop(0)
        step += 1
    return sum(window) / len(window)
