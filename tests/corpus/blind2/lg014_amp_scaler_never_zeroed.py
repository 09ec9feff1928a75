"""positive [LG014]: an AMP training loop (GradScaler) steps the optimizer through scaler.step(optimizer) every batch but never clears gradients."""
import torch
import torch.nn as nn
from torch.cuda.amp import GradScaler, autocast


def train(model, loader, epochs=30, lr=1e-3, device="cuda"):
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.05)
    scaler = GradScaler()
    for epoch in range(epochs):
        model.train()
        for images, targets in loader:
            images = images.to(device, non_blocking=True)
            targets = targets.to(device, non_blocking=True)
            with autocast():
                loss = criterion(model(images), targets)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
            scaler.step(optimizer)  # expect: LG014
            scaler.update()
        print(f"epoch {epoch} loss {loss.item():.3f}")
