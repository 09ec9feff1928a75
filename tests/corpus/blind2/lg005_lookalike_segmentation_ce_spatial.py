"""look-alike [LG005, LG013]: semantic segmentation: CrossEntropyLoss on (N, C, H, W) logits with an (N, H, W) long mask and ignore_index=255."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyDeepLabHead(nn.Module):
    def __init__(self, in_ch=2048, n_classes=21):
        super().__init__()
        self.aspp = nn.ModuleList([
            nn.Conv2d(in_ch, 256, 3, padding=r, dilation=r) for r in (1, 6, 12, 18)
        ])
        self.project = nn.Sequential(nn.Conv2d(1024, 256, 1), nn.BatchNorm2d(256), nn.ReLU())
        self.classifier = nn.Conv2d(256, n_classes, 1)

    def forward(self, feats, out_size):
        x = torch.cat([branch(feats) for branch in self.aspp], dim=1)
        x = self.classifier(self.project(x))
        return F.interpolate(x, size=out_size, mode="bilinear", align_corners=False)


def train_epoch(backbone, head, loader, optimizer, device):
    criterion = nn.CrossEntropyLoss(ignore_index=255)
    for image, mask in loader:
        image = image.to(device)
        mask = mask.to(device).long()
        if mask.dim() == 4:
            mask = mask.squeeze(1)
        logits = head(backbone(image), image.shape[-2:])
        loss = criterion(logits, mask)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
