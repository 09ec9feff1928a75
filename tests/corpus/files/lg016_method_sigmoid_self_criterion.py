"""positive [LG016]: `.sigmoid()` method on the logits, then self.criterion = nn.BCELoss() in a hand-written Trainer."""
import torch
import torch.nn as nn


class Trainer:
    def __init__(self, model):
        self.model = model
        self.criterion = nn.BCELoss()
        self.opt = torch.optim.Adam(model.parameters(), lr=1e-4)

    def train_epoch(self, loader):
        self.model.train()
        for images, masks in loader:
            self.opt.zero_grad()
            pred = self.model(images).sigmoid()
            loss = self.criterion(pred, masks)  # expect: LG016
            loss.backward()
            self.opt.step()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
