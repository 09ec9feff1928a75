"""positive [LG011]: hand-written attention calls torch.nn.functional.softmax(scores) without dim on a (B, H, L, L) tensor."""
import math

import torch
import torch.nn as nn


class SelfAttention(nn.Module):
    def __init__(self, d_model=256, n_heads=8):
        super().__init__()
        self.h, self.dk = n_heads, d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.out = nn.Linear(d_model, d_model)

    def forward(self, x):
        B, L, _ = x.shape
        q, k, v = self.qkv(x).view(B, L, 3, self.h, self.dk).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.dk)
        attn = torch.nn.functional.softmax(scores)  # expect: LG011
        y = (attn @ v).transpose(1, 2).reshape(B, L, -1)
        return self.out(y)


block = SelfAttention()
head = nn.Linear(256, 2)
optimizer = torch.optim.AdamW(list(block.parameters()) + list(head.parameters()), lr=1e-4)


def train(loader):
    for x, y in loader:
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(head(block(x).mean(1)), y)
        loss.backward()
        optimizer.step()
