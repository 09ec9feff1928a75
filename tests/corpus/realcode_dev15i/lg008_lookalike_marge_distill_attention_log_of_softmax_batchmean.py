"""look-alike [LG008, LG009]: the retriever's distillation term passes doc_similarities.softmax(dim=-1).log() (log-probabilities) as the input of F.kl_div and detached softmax probabilities as the target, with reduction='batchmean'."""

# Source: https://github.com/lucidrains/marge-pytorch/issues/7 (the code the thread quotes, re-typed, renamed)
import torch.nn.functional as F
from einops import rearrange


def distill_attention_loss(evidence_dots, doc_similarities, mask=None, eps=1e-5):
    evidence_dots = rearrange(evidence_dots, "b l h i n j -> b (l h i) n j")
    if mask is not None:
        mask = rearrange(mask, "b n j -> b () n j")
        evidence_dots.masked_fill_(~mask, 0.0)
        denom = mask.expand_as(evidence_dots).sum(dim=(1, -1))
        dots_mean = evidence_dots.sum(dim=(1, -1)) / (denom + eps)
    else:
        dots_mean = evidence_dots.mean(dim=(1, -1))
    target = dots_mean.softmax(dim=-1)
    target.detach_()
    log_probs = doc_similarities.softmax(dim=-1).log()
    return F.kl_div(log_probs, target, reduction="batchmean")
