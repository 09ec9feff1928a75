"""look-alike [LG008, LG009]: a user-defined `kl_div(p, q)` on probabilities (symmetrised Jensen-Shannon consistency loss)."""
import torch
import torch.nn.functional as F


def kl_div(p, q, eps=1e-8):
    return (p * ((p + eps).log() - (q + eps).log())).sum(dim=-1).mean()


def js_consistency(logits_clean, logits_aug1, logits_aug2):
    p_clean = F.softmax(logits_clean, dim=1)
    p_aug1 = F.softmax(logits_aug1, dim=1)
    p_aug2 = F.softmax(logits_aug2, dim=1)
    m = (p_clean + p_aug1 + p_aug2) / 3.0
    return (kl_div(p_clean, m) + kl_div(p_aug1, m) + kl_div(p_aug2, m)) / 3.0


def train(model, loader, optimizer, lam=12.0):
    for (x, x1, x2), y in loader:
        logits = model(torch.cat([x, x1, x2]))
        lc, l1, l2 = torch.split(logits, x.size(0))
        loss = F.cross_entropy(lc, y) + lam * js_consistency(lc, l1, l2)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
