"""positive [LG013]: synthetic batch: torch.randint(0, 10, (32,)).float() used as class indices in F.cross_entropy."""
import torch
import torch.nn.functional as F
from torch import nn

net = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 10))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)

for step in range(50):
    images = torch.randn(32, 3, 28, 28)
    labels = torch.randint(0, 10, (32,)).float()
    opt.zero_grad()
    loss = F.cross_entropy(net(images), labels)  # expect: LG013
    loss.backward()
    opt.step()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
