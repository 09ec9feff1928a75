"""positive [LG015]: CrossEntropyLoss(reduction='none') meant for weighting, but backward() is called on the per-sample vector."""
import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss(reduction="none")


def train(model, loader, optimizer, sample_weights):
    for idx, x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()  # expect: LG015
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
