"""look-alike [LG007, LG001]: mixture of heads: probabilities are averaged, then log is taken (clamped) before F.nll_loss; a second path uses log_softmax + NLLLoss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MixtureHead(nn.Module):
    def __init__(self, dim, n_classes, k=3):
        super().__init__()
        self.experts = nn.Linear(dim, n_classes * k)
        self.gate = nn.Linear(dim, k)
        self.k = k
        self.n_classes = n_classes

    def forward(self, h):
        expert_logits = self.experts(h).view(h.size(0), self.k, self.n_classes)
        gate = F.softmax(self.gate(h), dim=-1).unsqueeze(-1)
        return (gate * F.softmax(expert_logits, dim=-1)).sum(dim=1)


def losses(head, aux_fc, h, y):
    mix_prob = head(h)
    main = F.nll_loss(torch.log(mix_prob.clamp_min(1e-8)), y)
    nll = nn.NLLLoss()
    aux = nll(F.log_softmax(aux_fc(h), dim=1), y)
    return main + 0.3 * aux
