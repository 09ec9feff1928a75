"""part of look-alike project [LG001, LG005]: GPT.forward computes F.cross_entropy(logits.view(-1, V), targets.view(-1), ignore_index=-1) on the lm_head logits when targets are given and returns (logits, loss)."""
# Source: https://github.com/karpathy/nanoGPT model.py at 3adf61e154c3fe3fca428ad6bc3818b27a3b8291; re-typed,
# names changed, reduced. Correct code.
import torch.nn as nn
from torch.nn import functional as F


class GPT(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(config.vocab_size, config.n_embd),
            h=nn.ModuleList([nn.TransformerEncoderLayer(config.n_embd, config.n_head) for _ in range(config.n_layer)]),
            ln_f=nn.LayerNorm(config.n_embd),
        ))
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)

    def forward(self, idx, targets=None):
        x = self.transformer.wte(idx)
        for block in self.transformer.h:
            x = block(x)
        x = self.transformer.ln_f(x)
        if targets is not None:
            logits = self.lm_head(x)
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1)
        else:
            logits = self.lm_head(x[:, [-1], :])
            loss = None
        return logits, loss
