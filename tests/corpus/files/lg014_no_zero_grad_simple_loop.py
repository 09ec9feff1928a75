"""positive [LG014]: beginner regression loop: backward() and step() but no zero_grad anywhere."""
import torch
import torch.nn as nn

x = torch.linspace(0, 10, 100).view(-1, 1)
y = 3 * x + 2 + torch.randn(100, 1)
model = nn.Linear(1, 1)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)

for epoch in range(1000):
    pred = model(x)
    loss = criterion(pred, y)
    loss.backward()
    optimizer.step()  # expect: LG014
    if epoch % 100 == 0:
        print(epoch, loss.item())


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
