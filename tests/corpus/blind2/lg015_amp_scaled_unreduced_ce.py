"""positive [LG015]: per-sample weighted cross-entropy (reduction='none') is scaled by GradScaler and backward is called on the still non-scalar tensor."""
import torch
import torch.nn.functional as F
from torch.cuda.amp import GradScaler, autocast


def train(model, loader, class_freq, epochs=10, device="cuda"):
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    scaler = GradScaler()
    inv_freq = (1.0 / class_freq).to(device)
    for _ in range(epochs):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            with autocast():
                per_sample = F.cross_entropy(model(x), y, reduction="none")
                weighted = per_sample * inv_freq[y]
            scaler.scale(weighted).backward()  # expect: LG015
            scaler.step(opt)
            scaler.update()
