"""positive [LG006]: one-stage detector head: per-component losses summed into a dict of running totals without detaching."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DetectionHead(nn.Module):
    def __init__(self, in_ch=256, n_classes=80):
        super().__init__()
        self.cls = nn.Conv2d(in_ch, n_classes, 3, padding=1)
        self.box = nn.Conv2d(in_ch, 4, 3, padding=1)

    def forward(self, feats):
        return self.cls(feats), self.box(feats)


def train_one_epoch(head, optimizer, data_loader, device, print_freq=50):
    head.train()
    meters = {"loss_cls": 0.0, "loss_box": 0.0}
    for i, (feats, cls_targets, box_targets) in enumerate(data_loader):
        feats = feats.to(device)
        cls_out, box_out = head(feats)
        loss_cls = F.binary_cross_entropy_with_logits(cls_out, cls_targets.to(device))
        loss_box = F.smooth_l1_loss(box_out, box_targets.to(device))
        loss = loss_cls + loss_box
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        meters["loss_cls"] += loss_cls  # expect: LG006
        meters["loss_box"] += loss_box.item()
        if i % print_freq == 0:
            print(i, {k: float(v) for k, v in meters.items()})
    return meters
