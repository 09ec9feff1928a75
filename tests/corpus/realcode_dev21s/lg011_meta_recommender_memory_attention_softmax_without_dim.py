"""positive [LG011]: the memory attention of a meta-learned recommender builds `torch.nn.Softmax()` without dim and applies it to the scores of the memory slots."""

# Source: khanhnamle1994/MetaRec@b5e36cb Meta-Learning/MAMO/modules/memories.py (re-typed, renamed, cut to the attention)
import torch


def cosine_scores(a, b):
    a_norm = torch.sqrt(torch.sum(a**2 + 1e-5, 1))
    b_norm = torch.sqrt(torch.sum(b**2 + 1e-5, 1))
    return torch.sum(a * b, 1) / (a_norm * b_norm)


class MemoryAttention(torch.nn.Module):
    def __init__(self, n_slots):
        super().__init__()
        self.fc = torch.nn.Linear(n_slots, n_slots)
        self.normalize = torch.nn.Softmax()  # expect: LG011

    def forward(self, profile, memory):
        expanded = profile.repeat(1, len(memory)).view(len(memory), -1)
        return self.normalize(self.fc(cosine_scores(expanded, memory)))
