"""positive [LG006]: `total += loss * x.size(0)`: the product is still a tensor with the graph attached."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader


def train(model, dataset, epochs=20, bs=128):
    loader = DataLoader(dataset, batch_size=bs, shuffle=True, drop_last=False)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    crit = nn.MSELoss()
    for epoch in range(epochs):
        total = 0.0
        for x, y in loader:
            opt.zero_grad()
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
            total += loss * x.size(0)  # expect: LG006
        print(epoch, float(total) / len(dataset))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
