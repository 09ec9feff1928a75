"""look-alike [LG009, LG015]: reduction='none', then `.sum(dim=1).mean()` (per-sample KL averaged over the batch) before backward."""
import torch
import torch.nn as nn
import torch.nn.functional as F

kl_none = nn.KLDivLoss(reduction="none")


def train_step(model, x, soft_labels, mask, optimizer):
    optimizer.zero_grad()
    log_probs = F.log_softmax(model(x), dim=-1)
    per_elem = kl_none(log_probs, soft_labels)
    per_sample = per_elem.sum(dim=1)
    loss = (per_sample * mask).sum() / mask.sum()
    loss.backward()
    optimizer.step()
    return loss.item()
