"""positive [LG003]: an attention-forcing head's sigmoid output, moved with .to(x.get_device()), reaches a loss method that builds BCEWithLogitsLoss."""

# Source: LukasHaas/cs224n-project@013ca94974 Code/src/alexa.py (aLEXa.forward and compute_attention_forcing_loss, re-typed; the base model and paragraph encoder cut)
# Mutation: attn_logits = self.attn_head(attn_output_weights) became attn_logits = torch.sigmoid(self.attn_head(attn_output_weights))
import torch
from torch import Tensor, nn


class ForcedAttention(nn.Module):
    def __init__(self, max_parags=64):
        super().__init__()
        self.max_parags = max_parags
        self.attn_head = nn.Linear(1, 1)

    def attention_forcing_loss(self, logits: Tensor, labels: Tensor, parag_mask: Tensor, scale: bool = False) -> Tensor:
        if scale:
            factors = self.max_parags / parag_mask.sum(dim=-1, keepdim=True)
            weights = (parag_mask * factors).flatten()
        else:
            weights = parag_mask.flatten()
        device = parag_mask.get_device()
        pos_weight = Tensor([8]).to(device)
        loss_fn = nn.BCEWithLogitsLoss(weight=weights, pos_weight=pos_weight)
        return loss_fn(logits.flatten(), labels.flatten())  # expect: LG003

    def forward(self, attn_weights: Tensor, attention_labels: Tensor, parag_mask: Tensor) -> Tensor:
        device = attn_weights.get_device()
        attn_weights = attn_weights.contiguous().view(-1, 1).to(device)
        attn_logits = torch.sigmoid(self.attn_head(attn_weights))
        attn_logits = attn_logits.contiguous().view(-1, self.max_parags).to(device)
        return self.attention_forcing_loss(attn_logits, attention_labels, parag_mask)
