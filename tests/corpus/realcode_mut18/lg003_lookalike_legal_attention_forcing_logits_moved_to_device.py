"""look-alike [LG003]: the attention-forcing loss on the head's raw output, moved to the same device, as the repository has it."""

# Source: LukasHaas/cs224n-project@013ca94974 Code/src/alexa.py (aLEXa.forward and compute_attention_forcing_loss, re-typed; the base model and paragraph encoder cut)
from torch import Tensor, nn


class ForcedAttention(nn.Module):
    def __init__(self, max_parags=64):
        super().__init__()
        self.max_parags = max_parags
        self.attn_head = nn.Linear(1, 1)

    def attention_forcing_loss(self, logits: Tensor, labels: Tensor, parag_mask: Tensor) -> Tensor:
        device = parag_mask.get_device()
        loss_fn = nn.BCEWithLogitsLoss(weight=parag_mask.flatten(), pos_weight=Tensor([8]).to(device))
        return loss_fn(logits.flatten(), labels.flatten())

    def forward(self, attn_weights: Tensor, attention_labels: Tensor, parag_mask: Tensor) -> Tensor:
        device = attn_weights.get_device()
        attn_logits = self.attn_head(attn_weights.contiguous().view(-1, 1).to(device))
        attn_logits = attn_logits.contiguous().view(-1, self.max_parags).to(device)
        return self.attention_forcing_loss(attn_logits, attention_labels, parag_mask)
