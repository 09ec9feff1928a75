"""look-alike [LG008, LG009, LG010]: a point-cloud tokenizer's KL term to the uniform prior passes `None, None` positionally for the legacy flags, then `'batchmean'` and `log_target=True`, with log-probabilities on both sides."""

# Source: lulutang0608/Point-BERT@26e0581 models/dvae.py (re-typed, renamed, cut to the loss)
import torch
import torch.nn.functional as F


def tokenizer_losses(reconstruction_loss, outputs, target, num_tokens):
    rec = reconstruction_loss(outputs, target)
    logits = outputs[-1]
    probs = F.softmax(logits, dim=-1)
    mean_probs = probs.mean(dim=1)
    log_q = torch.log(mean_probs)
    log_uniform = torch.log(torch.tensor([1.0 / num_tokens], device=target.device))
    kl = F.kl_div(log_q, log_uniform.expand(log_q.size(0), log_q.size(1)), None, None, "batchmean", log_target=True)
    return rec, kl
