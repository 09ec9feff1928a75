"""positive [LG016]: a CrossEntropyLoss subclass for ShelfNet keeps a BCELoss (named as if it took logits) for the semantic-encoding head's class-presence term and gives it torch.sigmoid(se_scores) in its own forward; BCEWithLogitsLoss on the raw scores is the stable form."""

# Source: Deci-AI/super-gradients@e0ccacf886 src/super_gradients/training/losses/shelfnet_semantic_encoding_loss.py
# (re-typed, renamed; the registry decorator, the Variable wrapper and the component names cut)
import torch
from torch import nn


class SemanticEncodingSegLoss(nn.CrossEntropyLoss):
    """2-D cross-entropy with an auxiliary head and a class-presence (semantic encoding) term."""

    def __init__(self, se_weight=0.2, nclass=21, aux_weight=0.4, weight=None, ignore_index=-1):
        super().__init__(weight, None, ignore_index)
        self.nclass = nclass
        self.se_weight = se_weight
        self.aux_weight = aux_weight
        self.presence_loss = nn.BCELoss(weight)

    def forward(self, outputs, labels):
        main_scores, se_scores, aux_scores = outputs
        n = labels.size(0)
        presence = torch.zeros(n, self.nclass)
        for i in range(n):
            hist = torch.histc(labels[i].cpu().data.float(), bins=self.nclass, min=0, max=self.nclass - 1)
            presence[i] = hist > 0
        main = super().forward(main_scores, labels)
        aux = super().forward(aux_scores, labels)
        se = self.presence_loss(torch.sigmoid(se_scores), presence.cuda())  # expect: LG016
        total = main + self.aux_weight * aux + self.se_weight * se
        return total, torch.stack([main, aux, se, total], dim=0).detach()
