"""look-alike [LG003]: the same CenterNet loss head giving the raw heatmap to the focal loss built on BCEWithLogitsLoss, its focal weights computed from the sigmoid the loss applies."""

# Source: kakusikun/deep-learning-works@4450ca285c src/graph/centernet_object_detection.py (_LossHead), tools/utils.py
# (_sigmoid), src/model/module/loss_module.py (FocalLoss, L1Loss); re-typed, identifiers renamed; the backbone, the
# head modules and the graph's builder cut
# Mutation: the helper's sigmoid kept for the weights only, the logits loss given the raw heatmap (the fix)
import torch
import torch.nn as nn


def bounded_sigmoid(x):
    y = torch.clamp(x.sigmoid_(), min=1e-4, max=1 - 1e-4)
    return y


class CornerFocal(nn.Module):
    def __init__(self, a=2, b=4):
        super(CornerFocal, self).__init__()
        self.a = a
        self.b = b
        self.per_pixel = nn.BCEWithLogitsLoss(reduction="none")

    def forward(self, feat, target):
        positives = target.eq(1)
        valid = target.gt(-1)
        log_loss = self.per_pixel(feat, target)
        feat = bounded_sigmoid(feat)
        alpha = torch.ones_like(target) * self.b
        alpha = torch.where(target.eq(1), alpha, 1 - alpha)
        weight = alpha * torch.pow(torch.where(target.eq(1), 1 - feat, feat), self.a)
        return (weight[valid] * log_loss[valid]).sum() / max(1.0, positives.sum())


class GatheredL1(nn.Module):
    def forward(self, output, mask, ind, target):
        pred = output.view(output.size(0), -1, output.size(-1)).gather(1, ind.unsqueeze(2).expand(-1, -1, output.size(-1)))
        mask = mask.unsqueeze(2).expand_as(pred).float()
        return (pred * mask - target * mask).abs().sum() / (mask.sum() + 1e-4)


class HeadLosses(nn.Module):
    def __init__(self):
        super(HeadLosses, self).__init__()
        self.crit = {}
        self.crit["hm"] = CornerFocal()
        self.crit["wh"] = GatheredL1()
        self.crit["reg"] = GatheredL1()

    def forward(self, feats, batch):
        hm_loss = 0.0
        wh_loss = 0.0
        reg_loss = 0.0
        for head in feats:
            output = feats[head]
            if head == "hm":
                hm_loss += self.crit[head](output, batch["hm"])
            elif head == "wh":
                wh_loss += self.crit[head](output, batch["reg_mask"], batch["ind"], batch["wh"])
            elif head == "reg":
                reg_loss += self.crit[head](output, batch["reg_mask"], batch["ind"], batch["reg"])
            else:
                raise TypeError
        parts = {"hm": hm_loss, "wh": wh_loss, "reg": reg_loss}
        return parts["hm"] + parts["wh"] * 0.1 + parts["reg"], parts


def train(model, loader, optimizer):
    losses = HeadLosses()
    for batch in loader:
        optimizer.zero_grad()
        loss, parts = losses(model(batch["inp"]), batch)
        loss.backward()
        optimizer.step()
