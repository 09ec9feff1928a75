"""look-alike [LG001, LG011]: a tensor named `probs` holds raw Linear logits and goes to CrossEntropyLoss; softmax is only used afterwards for top-k reporting."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Head(nn.Module):
    def __init__(self, in_dim, n_cls):
        super().__init__()
        self.norm = nn.LayerNorm(in_dim)
        self.proj = nn.Linear(in_dim, n_cls)

    def forward(self, feats):
        return self.proj(self.norm(feats))


def run_epoch(backbone, head, loader, optimizer, device):
    ce = nn.CrossEntropyLoss(label_smoothing=0.1)
    backbone.train()
    head.train()
    top5_hits = 0
    for batch in loader:
        pixel_values = batch["pixel_values"].to(device, non_blocking=True)
        y = batch["label"].to(device, non_blocking=True)
        probs = head(backbone(pixel_values))
        loss = ce(probs, y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            dist = F.softmax(probs, dim=-1)
            top5 = dist.topk(5, dim=-1).indices
            top5_hits += (top5 == y[:, None]).any(dim=1).sum().item()
    return top5_hits
