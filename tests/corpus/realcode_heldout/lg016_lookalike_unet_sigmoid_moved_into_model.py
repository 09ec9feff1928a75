"""look-alike [LG016, LG002, LG003]: the fixed U-Net: forward ends in F.sigmoid(x) inside the model, and the training loop feeds masks_pred.view(-1) to nn.BCELoss (a sigmoid inside the model with BCELoss is the normal, silent case)."""
# Source: https://github.com/milesial/Pytorch-UNet unet/unet_model.py and train.py at
# e3f8ca7b1ac7c5e9694637a81be260e9b48973b9 ("Move the sigmoid activation to the model itself"); re-typed, names changed,
# reduced (the down/up blocks are summarised as two convolutions). Correct code.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim


class UNet(nn.Module):
    def __init__(self, n_channels, n_classes):
        super(UNet, self).__init__()
        self.inc = nn.Sequential(nn.Conv2d(n_channels, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(inplace=True))
        self.outc = nn.Conv2d(64, n_classes, 1)

    def forward(self, x):
        x1 = self.inc(x)
        x = self.outc(x1)
        return F.sigmoid(x)


def train_net(net, train_batches, epochs=5, lr=0.1, gpu=False):
    optimizer = optim.SGD(net.parameters(), lr=lr, momentum=0.9, weight_decay=0.0005)
    criterion = nn.BCELoss()
    for epoch in range(epochs):
        net.train()
        epoch_loss = 0
        for i, b in enumerate(train_batches):
            imgs = torch.from_numpy(np.array([i[0] for i in b]).astype(np.float32))
            true_masks = torch.from_numpy(np.array([i[1] for i in b]))
            masks_pred = net(imgs)
            masks_probs_flat = masks_pred.view(-1)
            true_masks_flat = true_masks.view(-1)
            loss = criterion(masks_probs_flat, true_masks_flat)
            epoch_loss += loss.item()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    net = UNet(n_channels=3, n_classes=1)
    train_net(net=net, train_batches=[], epochs=5)
