"""positive [LG002]: binary segmentation with a 1x1 conv output passed straight to F.binary_cross_entropy (plus a Dice term)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SegNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(),
        )
        self.mask_head = nn.Conv2d(64, 1, kernel_size=1)

    def forward(self, x):
        return self.mask_head(self.encoder(x))


def dice_loss(pred, target, eps=1.0):
    inter = (pred * target).sum(dim=(2, 3))
    union = pred.sum(dim=(2, 3)) + target.sum(dim=(2, 3))
    return 1 - ((2 * inter + eps) / (union + eps)).mean()


model = SegNet().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)


def train_epoch(loader):
    model.train()
    for images, masks in loader:
        images, masks = images.cuda(), masks.cuda().float()
        optimizer.zero_grad()
        out = model(images)
        bce = F.binary_cross_entropy(out, masks)  # expect: LG002
        loss = bce + dice_loss(out, masks)
        loss.backward()
        optimizer.step()
