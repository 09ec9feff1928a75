"""part of look-alike project [LG014, LG011]: the attention normalises its masked scores with nn.Softmax(dim=-1) (the fix commit)."""

# Source: huggingface/pytorch-openai-transformer-lm@49d628f68a model_py.py (the fix commit; cut, renamed)
import math

import torch
import torch.nn as nn


class Attention(nn.Module):
    def __init__(self, nx, n_ctx, cfg, scale=False):
        super(Attention, self).__init__()
        self.register_buffer("b", torch.tril(torch.ones(n_ctx, n_ctx)).view(1, 1, n_ctx, n_ctx))
        self.n_head = cfg.n_head
        self.scale = scale
        self.c_attn = nn.Linear(nx, nx * 3)
        self.c_proj = nn.Linear(nx, nx)
        self.attn_dropout = nn.Dropout(cfg.attn_pdrop)

    def _attn(self, q, k, v):
        w = torch.matmul(q, k)
        if self.scale:
            w = w / math.sqrt(v.size(-1))
        w = w * self.b + -1e9 * (1 - self.b)
        w = nn.Softmax(dim=-1)(w)
        w = self.attn_dropout(w)
        return torch.matmul(w, v)

    def forward(self, x):
        q, k, v = self.c_attn(x).split(x.size(-1), dim=2)
        a = self._attn(q.unsqueeze(1), k.unsqueeze(1).transpose(-1, -2), v.unsqueeze(1))
        return self.c_proj(a.squeeze(1))


class TransformerModel(nn.Module):
    def __init__(self, vocab, cfg):
        super(TransformerModel, self).__init__()
        self.embed = nn.Embedding(vocab, cfg.n_embd)
        self.blocks = nn.ModuleList([Attention(cfg.n_embd, cfg.n_ctx, cfg, scale=True) for _ in range(cfg.n_layer)])

    def forward(self, x):
        h = self.embed(x).sum(dim=2)
        for block in self.blocks:
            h = h + block(h)
        return h


class LMHead(nn.Module):
    def __init__(self, model, cfg):
        super(LMHead, self).__init__()
        self.decoder = nn.Linear(cfg.n_embd, model.embed.weight.shape[0], bias=False)
        self.decoder.weight = model.embed.weight

    def forward(self, h):
        return self.decoder(h[:, :-1].contiguous().view(-1, h.size(-1)))


class ClfHead(nn.Module):
    def __init__(self, clf_token, cfg):
        super(ClfHead, self).__init__()
        self.clf_token = clf_token
        self.linear = nn.Linear(cfg.n_embd, 1)

    def forward(self, h, x):
        flat = x[:, :, :, 0].contiguous().view(-1)
        clf_h = h.view(-1, h.size(-1))[flat == self.clf_token, :]
        return self.linear(clf_h).view(-1, 2)
