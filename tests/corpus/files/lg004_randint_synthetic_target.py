"""positive [LG004]: smoke-test script with synthetic data: torch.randint(0, 2, (64, 1)) target into BCEWithLogitsLoss."""
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 1))
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for step in range(100):
    x = torch.randn(64, 20)
    y = torch.randint(0, 2, (64, 1))
    optimizer.zero_grad()
    out = model(x)
    loss = criterion(out, y)  # expect: LG004
    loss.backward()
    optimizer.step()
    if step % 10 == 0:
        print(step, loss.item())


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
