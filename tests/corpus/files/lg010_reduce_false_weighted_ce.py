"""positive [LG010]: nn.CrossEntropyLoss(reduce=False) for per-sample weighting; the weighted mean is taken before backward."""
import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss(reduce=False)  # expect: LG010


def train(model, loader, optimizer):
    for x, y, w in loader:
        optimizer.zero_grad()
        per_sample = criterion(model(x), y)
        loss = (per_sample * w).sum() / w.sum()
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
