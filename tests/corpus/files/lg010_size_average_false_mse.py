"""positive [LG010]: old tutorial code: nn.MSELoss(size_average=False) for a summed reconstruction loss."""
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 784), nn.Sigmoid())
criterion = nn.MSELoss(size_average=False)  # expect: LG010
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader, epochs=20):
    for epoch in range(epochs):
        for img, _ in loader:
            img = img.view(img.size(0), -1)
            optimizer.zero_grad()
            loss = criterion(model(img), img) / img.size(0)
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
