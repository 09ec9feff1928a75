"""part of positive project [LG014]: builds the heatmap network, nn.MSELoss and Adam under __main__ and calls base_trainer.train every epoch."""
# Source: https://github.com/yastrebksv/TennisCourtDetector main.py at the parent of
# e5cd4f1ce26b15361700d3d89e068cbf0e82749e; re-typed, names changed, reduced.
import argparse

import torch
import torch.nn as nn
from base_trainer import train
from tracknet import BallTrackerNet

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--num_epochs", type=int, default=500)
    parser.add_argument("--lr", type=float, default=1e-5)
    parser.add_argument("--steps_per_epoch", type=int, default=1000)
    args = parser.parse_args()
    device = "cuda"
    model = BallTrackerNet(out_channels=15)
    model = model.to(device)
    criterion = nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), args.lr, betas=(0.9, 0.999), weight_decay=0)
    for epoch in range(args.num_epochs):
        train_loss = train(model, [], optimizer, criterion, device, epoch, args.steps_per_epoch)
