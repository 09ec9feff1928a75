"""look-alike [LG011, LG001]: a project-local `softmax(x, dim=-1)` helper (float32 upcast for fp16 attention) is called without dim; its default is explicit, and its output never reaches a loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    return F.softmax(x.float(), dim=dim).type_as(x)


class CrossAttention(nn.Module):
    def __init__(self, d_q, d_kv, d_head=64):
        super().__init__()
        self.q = nn.Linear(d_q, d_head, bias=False)
        self.k = nn.Linear(d_kv, d_head, bias=False)
        self.v = nn.Linear(d_kv, d_head, bias=False)
        self.scale = d_head ** -0.5

    def forward(self, queries, context):
        attn = softmax(self.q(queries) @ self.k(context).transpose(-1, -2) * self.scale)
        return attn @ self.v(context)


class Captioner(nn.Module):
    def __init__(self, vocab, d_model=256, d_img=768):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.xattn = CrossAttention(d_model, d_img, d_model)
        self.out = nn.Linear(d_model, vocab)

    def forward(self, tokens, img_feats):
        return self.out(self.xattn(self.embed(tokens), img_feats))


def step(model, tokens, img_feats, opt, pad_id=0):
    logits = model(tokens[:, :-1], img_feats)
    loss = F.cross_entropy(logits.transpose(1, 2), tokens[:, 1:], ignore_index=pad_id)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()
