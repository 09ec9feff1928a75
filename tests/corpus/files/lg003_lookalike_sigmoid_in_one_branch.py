"""look-alike [LG003]: sigmoid is applied only when a config flag is set (and then BCELoss is chosen); nothing certain reaches BCEWithLogitsLoss."""
import argparse

import torch
import torch.nn as nn


class Scorer(nn.Module):
    def __init__(self, d, output_probs=False):
        super().__init__()
        self.output_probs = output_probs
        self.mlp = nn.Sequential(nn.Linear(d, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, x):
        out = self.mlp(x)
        if self.output_probs:
            out = torch.sigmoid(out)
        return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--probs", action="store_true")
    args = parser.parse_args()

    model = Scorer(32, output_probs=args.probs)
    criterion = nn.BCELoss() if args.probs else nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    data = torch.load("scores.pt")
    for epoch in range(10):
        for x, y in data:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()
