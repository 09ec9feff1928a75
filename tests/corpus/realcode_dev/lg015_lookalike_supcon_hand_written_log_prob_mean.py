"""look-alike [LG015, LG001, LG011]: supervised contrastive loss: log-probabilities written by hand as logits - log(sum(exp(logits))) over rows with the self-pair masked out, averaged over positives, and the per-anchor loss reduced with .mean() before it is returned."""
# Source: https://github.com/HobbitLong/SupContrast losses.py at
# 66a8fe53880d6a1084b2e4e0db0a019024d6d41a; re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn


class LabelContrastLoss(nn.Module):
    def __init__(self, temperature=0.07, base_temperature=0.07):
        super().__init__()
        self.t = temperature
        self.base_t = base_temperature

    def forward(self, embeddings, labels=None):
        if embeddings.dim() < 3:
            raise ValueError("embeddings must be [batch, views, dim]")
        n = embeddings.shape[0]
        if labels is None:
            same = torch.eye(n, dtype=torch.float32, device=embeddings.device)
        else:
            labels = labels.contiguous().view(-1, 1)
            same = torch.eq(labels, labels.T).float().to(embeddings.device)
        views = embeddings.shape[1]
        stacked = torch.cat(torch.unbind(embeddings, dim=1), dim=0)
        sim = torch.div(torch.matmul(stacked, stacked.T), self.t)
        row_max, _ = torch.max(sim, dim=1, keepdim=True)
        logits = sim - row_max.detach()
        same = same.repeat(views, views)
        not_self = torch.scatter(torch.ones_like(same), 1, torch.arange(n * views, device=embeddings.device).view(-1, 1), 0)
        same = same * not_self
        exp_logits = torch.exp(logits) * not_self
        log_prob = logits - torch.log(exp_logits.sum(1, keepdim=True))
        n_pos = same.sum(1)
        n_pos = torch.where(n_pos < 1e-6, 1, n_pos)
        mean_log_prob_pos = (same * log_prob).sum(1) / n_pos
        loss = -(self.t / self.base_t) * mean_log_prob_pos
        return loss.view(views, n).mean()
