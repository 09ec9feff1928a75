"""positive [LG006]: Keras-like `history["loss"].append(loss)` inside a hand-written fit loop."""
import torch
import torch.nn as nn


def fit(model, loader, optimizer, epochs=5):
    criterion = nn.SmoothL1Loss()
    history = {"loss": [], "lr": []}
    for epoch in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            history["loss"].append(loss)  # expect: LG006
            history["lr"].append(optimizer.param_groups[0]["lr"])
    return history


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
