"""positive [LG004]: labels moved with `.to(device, dtype=torch.int64)` then used as the BCEWithLogitsLoss target."""
import torch
import torch.nn as nn


def train(model, loader, device, epochs=3):
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0], device=device))
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
    for epoch in range(epochs):
        model.train()
        for batch in loader:
            x = batch["image"].to(device, dtype=torch.float32)
            y = batch["label"].to(device, dtype=torch.int64)
            optimizer.zero_grad()
            logit = model(x)
            loss = loss_fn(logit, y)  # expect: LG004
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch} done, loss={loss.item():.4f}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
