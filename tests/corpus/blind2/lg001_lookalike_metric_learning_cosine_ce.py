"""look-alike [LG001, LG005]: ArcFace-style metric learning: L2-normalised embeddings, cosine logits scaled by s go to CrossEntropyLoss; a TripletMarginLoss on the same embeddings."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ArcMarginProduct(nn.Module):
    def __init__(self, in_features, n_ids, s=30.0, m=0.5):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_ids, in_features))
        nn.init.xavier_uniform_(self.weight)
        self.s, self.m = s, m
        self.cos_m, self.sin_m = math.cos(m), math.sin(m)

    def forward(self, emb, label):
        cosine = F.linear(F.normalize(emb), F.normalize(self.weight))
        sine = torch.sqrt((1.0 - cosine.pow(2)).clamp(0, 1))
        phi = cosine * self.cos_m - sine * self.sin_m
        one_hot = F.one_hot(label, cosine.size(1)).to(cosine.dtype)
        return self.s * (one_hot * phi + (1.0 - one_hot) * cosine)


def train_step(embedder, arc, anchor, positive, negative, labels, optimizer):
    ce = nn.CrossEntropyLoss()
    triplet = nn.TripletMarginLoss(margin=0.3, p=2)
    ea, ep, en = embedder(anchor), embedder(positive), embedder(negative)
    margin_logits = arc(ea, labels)
    loss = ce(margin_logits, labels) + triplet(F.normalize(ea), F.normalize(ep), F.normalize(en))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
