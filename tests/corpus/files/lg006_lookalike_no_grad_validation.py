"""look-alike [LG006]: validation inside `with torch.no_grad():` accumulates `val_loss += loss`: no graph exists, nothing is retained."""
import torch
import torch.nn as nn


def evaluate(model, loader, device):
    criterion = nn.CrossEntropyLoss(reduction="sum")
    model.eval()
    val_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in loader:
            data, target = data.to(device), target.to(device)
            output = model(data)
            loss = criterion(output, target)
            val_loss += loss
            correct += output.argmax(dim=1).eq(target).sum()
    n = len(loader.dataset)
    return (val_loss / n).item(), (correct / n).item()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
