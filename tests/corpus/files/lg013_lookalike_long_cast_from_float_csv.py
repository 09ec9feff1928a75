"""look-alike [LG013]: labels start as float32 (read from CSV) but are converted with .long() before CrossEntropyLoss."""
import pandas as pd
import torch
import torch.nn as nn

df = pd.read_csv("train.csv")
y = torch.tensor(df["label"].values, dtype=torch.float32).view(-1)
X = torch.tensor(df.drop(columns="label").values, dtype=torch.float32)

model = nn.Sequential(nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Linear(64, 4))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(20):
    optimizer.zero_grad()
    loss = criterion(model(X), y.long())
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
