"""positive [LG011]: the bilinear decoder's activation is nn.Softmax() without dim when a flag asks for it (a conditional expression), and it is applied to (batch, items) scores."""

# Source: LSX-UniWue/recsys-22-user-attributes-recommender@f2efc23 src/asme/core/models/narm/layers.py (cut, renamed)
import torch
import torch.nn as nn


class BilinearScorer(nn.Module):
    def __init__(self, item_embedding: nn.Embedding, context_size: int, apply_softmax: bool = False):
        super().__init__()
        self.item_embedding = item_embedding
        self.proj = nn.Linear(item_embedding.weight.size(1), context_size, bias=False)
        self.activation = nn.Softmax() if apply_softmax else nn.Identity()  # expect: LG011

    def forward(self, context: torch.Tensor) -> torch.Tensor:
        items = torch.arange(self.item_embedding.weight.size(0), device=context.device)
        emb = self.item_embedding(items)
        scores = context @ self.proj(emb).t()
        return self.activation(scores)
