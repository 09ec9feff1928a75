"""look-alike [LG016, LG003]: sigmoid used as a squeeze-and-excitation gate and for metrics; the loss is BCEWithLogits on the raw logits."""
import torch
import torch.nn as nn


class SEBlock(nn.Module):
    def __init__(self, channels, r=16):
        super().__init__()
        self.fc1 = nn.Linear(channels, channels // r)
        self.fc2 = nn.Linear(channels // r, channels)

    def forward(self, x):
        s = x.mean(dim=(2, 3))
        gate = torch.sigmoid(self.fc2(torch.relu(self.fc1(s))))
        return x * gate[:, :, None, None]


class Detector(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 64, 3, padding=1)
        self.se = SEBlock(64)
        self.head = nn.Conv2d(64, 1, 1)

    def forward(self, x):
        return self.head(self.se(torch.relu(self.stem(x))))


def step(det, images, masks, optimizer):
    crit = nn.BCEWithLogitsLoss()
    logits = det(images)
    loss = crit(logits, masks)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        iou = ((logits.sigmoid() > 0.5) & (masks > 0.5)).sum() / ((logits.sigmoid() > 0.5) | (masks > 0.5)).sum()
    return loss.item(), iou.item()
