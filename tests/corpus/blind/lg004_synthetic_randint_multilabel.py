"""positive [LG004]: smoke-test script draws multi-label targets with torch.randint (int64) and feeds them to nn.BCEWithLogitsLoss."""
import time

import torch
import torch.nn as nn

N_LABELS = 20
BATCH = 64


def build():
    return nn.Sequential(
        nn.Conv2d(3, 16, 3, stride=2, padding=1), nn.ReLU(),
        nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        nn.Linear(32, N_LABELS),
    )


def benchmark(steps=50, device="cuda"):
    model = build().to(device)
    criterion = nn.BCEWithLogitsLoss()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    images = torch.randn(BATCH, 3, 224, 224, device=device)
    targets = torch.randint(0, 2, (BATCH, N_LABELS), device=device)
    torch.cuda.synchronize()
    t0 = time.time()
    for _ in range(steps):
        opt.zero_grad()
        out = model(images)
        loss = criterion(out, targets)  # expect: LG004
        loss.backward()
        opt.step()
    torch.cuda.synchronize()
    print(f"{steps * BATCH / (time.time() - t0):.1f} img/s, final loss {loss.item():.3f}")


if __name__ == "__main__":
    benchmark()
