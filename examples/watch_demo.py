"""A watched training run: a healthy phase, then a learning-rate blow-up that lossguard catches.

    python examples/watch_demo.py [LOG_DIR]        # default runs/demo
    tensorboard --logdir runs/demo

CPU only, a few seconds. The loss curve, its smoothed value, gradient norms per layer and an
alert marker at every event are written under lossguard/ in TensorBoard.
"""

from __future__ import annotations

import sys

import torch
import torch.nn as nn

import lossguard


def main(log_dir: str) -> None:
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    teacher = torch.randn(20, 5, generator=g)
    model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 5))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)

    criterion = lossguard.watch(model, nn.CrossEntropyLoss(), log_dir=log_dir)

    with criterion:
        for step in range(300):
            if step == 200:
                for group in optimizer.param_groups:
                    group["lr"] = 20.0
                print(f"step {step}: learning rate raised to 20 (the bug)")
            x = torch.randn(64, 20, generator=g)
            y = (x @ teacher).argmax(dim=1)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            if step % 50 == 0:
                print(f"step {step}: loss {loss.item():.3f}")

    print(f"\n{len(criterion.events)} events; TensorBoard run written to {log_dir}:")
    for event in criterion.events[:5]:
        print(f"  {event}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "runs/demo")
