"""positive [LG010]: Hugging Face course's keytoken-weighted loss builds CrossEntropyLoss(reduce=False) to get a per-token loss, then resizes and weights it per sample."""
# Source: https://github.com/huggingface/notebooks course/en/chapter7/section6_pt.ipynb at
# 5068b1142e8ed1e691c8b1e9f98e4473ebe55790 (found by this survey, in six translations of the notebook); re-typed, names changed.
import torch
from torch.nn import CrossEntropyLoss


def keytoken_weighted_loss(inputs, logits, keytoken_ids, alpha=1.0):
    shift_labels = inputs[..., 1:].contiguous()
    shift_logits = logits[..., :-1, :].contiguous()
    loss_fct = CrossEntropyLoss(reduce=False)  # expect: LG010
    loss = loss_fct(shift_logits.view(-1, shift_logits.size(-1)), shift_labels.view(-1))
    loss_per_sample = loss.view(shift_logits.size(0), shift_logits.size(1)).mean(axis=1)
    weights = torch.stack([(inputs == kt).float() for kt in keytoken_ids]).sum(axis=[0, 2])
    weights = alpha * (1.0 + weights)
    weighted_loss = (loss_per_sample * weights).mean()
    return weighted_loss
