"""positive [LG005]: sigmoid-ending nn.Sequential gives (N, 1) probabilities; BCELoss target reshaped to (N,)."""
import torch
import torch.nn as nn

X = torch.randn(256, 10)
y = (X.sum(dim=1) > 0).float()

clf = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()
opt = torch.optim.Adam(clf.parameters(), lr=1e-2)

for epoch in range(200):
    opt.zero_grad()
    probs = clf(X)
    loss = loss_fn(probs, y.view(-1))  # expect: LG005
    loss.backward()
    opt.step()
print(loss.item())


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
