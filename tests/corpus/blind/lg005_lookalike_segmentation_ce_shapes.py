"""look-alike [LG005, LG013]: semantic segmentation: (N, C, H, W) logits against an (N, H, W) long mask after squeeze(1), with ignore_index=255."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.models.segmentation import deeplabv3_resnet50

NUM_CLASSES = 21


def train_epoch(model, loader, optimizer, device):
    criterion = nn.CrossEntropyLoss(ignore_index=255)
    model.train()
    total = 0.0
    for images, masks in loader:
        images = images.to(device)
        masks = masks.to(device).squeeze(1).long()
        out = model(images)["out"]
        aux = model.aux_classifier is not None
        loss = criterion(out, masks)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(loader), aux


@torch.no_grad()
def miou(model, loader, device):
    model.eval()
    inter = torch.zeros(NUM_CLASSES)
    union = torch.zeros(NUM_CLASSES)
    for images, masks in loader:
        pred = model(images.to(device))["out"].argmax(1).cpu()
        masks = masks.squeeze(1)
        for c in range(NUM_CLASSES):
            p, t = pred == c, masks == c
            inter[c] += (p & t).sum()
            union[c] += (p | t).sum()
    return (inter / union.clamp(min=1)).mean().item()


if __name__ == "__main__":
    net = deeplabv3_resnet50(num_classes=NUM_CLASSES)
    x = torch.randn(2, 3, 128, 128)
    print(F.interpolate(x, scale_factor=0.5).shape, net.classifier)
