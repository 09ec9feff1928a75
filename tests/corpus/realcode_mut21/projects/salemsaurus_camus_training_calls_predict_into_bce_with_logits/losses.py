"""part of positive project [LG003]: one channel goes to BCEWithLogitsLoss, several to a Dice loss of softmax."""

# Source: salemsaurus/camus-segmentation-pytorch@affeb723fd losses.py (_squeeze_targets, _multiclass_dice_loss,
# segmentation_loss; re-typed; the input checks cut)
import torch
import torch.nn as nn


def _squeeze(targets):
    if targets.ndim == 4 and targets.size(1) == 1:
        return targets.squeeze(1)
    return targets


def _dice(logits, targets, num_classes, eps=1e-6):
    targets = _squeeze(targets).long()
    probs = torch.softmax(logits, dim=1)
    losses = []
    for cls in range(1, num_classes):
        pred = probs[:, cls]
        target = (targets == cls).float()
        inter = (pred * target).sum(dim=(1, 2))
        union = pred.sum(dim=(1, 2)) + target.sum(dim=(1, 2))
        losses.append(1.0 - (2.0 * inter + eps) / (union + eps))
    return torch.stack(losses, dim=0).mean(dim=0).mean()


def segmentation_loss(logits, masks, num_classes):
    if num_classes == 1:
        criterion = nn.BCEWithLogitsLoss()
        masks = (_squeeze(masks) > 0).float().unsqueeze(1)
        return criterion(logits, masks)  # expect: LG003
    return _dice(logits, masks, num_classes=num_classes)
