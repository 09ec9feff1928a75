"""part of positive project [LG001]: train.py feeds the softmax output of models.SmallResNet into the CrossEntropyLoss from losses.py."""
import argparse

import torch
from torch.cuda.amp import GradScaler, autocast

from losses import build_criterion
from models import SmallResNet


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=200)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--smoothing", type=float, default=0.1)
    return p.parse_args()


def train_one_epoch(model, loader, criterion, optimizer, scaler, device):
    model.train()
    meter = 0.0
    for step, (x, y) in enumerate(loader):
        x, y = x.cuda(non_blocking=True), y.cuda(non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with autocast():
            out = model(x)
            loss = criterion(out, y)  # expect: LG001
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        meter += loss.item()
    return meter / (step + 1)


def main(train_loader):
    args = parse_args()
    device = torch.device("cuda")
    model = SmallResNet(num_classes=100).to(device)
    criterion = build_criterion(args.smoothing)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4, nesterov=True)
    scaler = GradScaler()
    for epoch in range(args.epochs):
        avg = train_one_epoch(model, train_loader, criterion, optimizer, scaler, device)
        print(epoch, avg)


if __name__ == "__main__":
    main(None)
