"""positive [LG011]: hand-written multi-head attention builds nn.Softmax() without dim and applies it to (B, H, L, L) scores, and the LM head uses F.log_softmax(...) without dim."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiHeadSelfAttention(nn.Module):
    def __init__(self, d_model=512, n_heads=8, p_drop=0.1):
        super().__init__()
        self.h = n_heads
        self.d_k = d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.o = nn.Linear(d_model, d_model)
        self.softmax = nn.Softmax()  # expect: LG011
        self.drop = nn.Dropout(p_drop)

    def forward(self, x, mask=None):
        B, L, _ = x.shape
        q, k, v = self.qkv(x).view(B, L, 3, self.h, self.d_k).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_k)
        if mask is not None:
            scores = scores.masked_fill(mask == 0, float("-inf"))
        attn = self.drop(self.softmax(scores))
        return self.o((attn @ v).transpose(1, 2).reshape(B, L, -1))


class TinyLM(nn.Module):
    def __init__(self, vocab, d_model=512, n_layers=4):
        super().__init__()
        self.tok = nn.Embedding(vocab, d_model)
        self.blocks = nn.ModuleList([MultiHeadSelfAttention(d_model) for _ in range(n_layers)])
        self.lm_head = nn.Linear(d_model, vocab)

    def forward(self, ids):
        h = self.tok(ids)
        for blk in self.blocks:
            h = h + blk(h)
        return F.log_softmax(self.lm_head(h))  # expect: LG011
