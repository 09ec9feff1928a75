"""look-alike [LG016, LG003]: BCEWithLogitsLoss on logits; the explicit sigmoid only feeds an accuracy metric, never BCELoss."""
import torch
import torch.nn as nn


def train(model, loader, optimizer):
    criterion = nn.BCEWithLogitsLoss()
    for x, y in loader:
        optimizer.zero_grad()
        logits = model(x)
        loss = criterion(logits, y.float())
        loss.backward()
        optimizer.step()
        acc = ((torch.sigmoid(logits) > 0.5).float() == y).float().mean()
        print(loss.item(), acc.item())


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
