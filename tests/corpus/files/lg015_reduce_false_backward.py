"""positive [LG010, LG015]: nn.MSELoss(reduce=False) (deprecated) and the unreduced loss goes straight into backward()."""
import torch
import torch.nn as nn

mse = nn.MSELoss(reduce=False)  # expect: LG010


def train(model, loader, optimizer):
    for x, y in loader:
        optimizer.zero_grad()
        per_elem = mse(model(x), y)
        per_elem.backward()  # expect: LG015
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
