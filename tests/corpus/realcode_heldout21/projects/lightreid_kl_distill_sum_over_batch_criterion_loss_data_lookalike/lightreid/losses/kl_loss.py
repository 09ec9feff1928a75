"""part of look-alike project [LG006, LG008, LG009]: the distillation loss passes F.log_softmax(student / t) and F.softmax(teacher / t) to F.kl_div with reduction='sum' and divides by the batch size (the batchmean value), times t squared."""
# Source: wangguanan/light-reid at 97c6b2d1 (read as is; issue #24 quotes KLLoss and asks where it comes from),
# lightreid/losses/kl_loss.py; re-typed, identifiers renamed.
import torch.nn.functional as F

from .build import LOSSes_REGISTRY


@LOSSes_REGISTRY.register()
class KLLoss:
    """KL Divergence"""

    def __init__(self, t=4):
        self.t = t

    def __call__(self, logits_s, logits_t):
        log_p_s = F.log_softmax(logits_s / self.t, dim=1)
        p_t = F.softmax(logits_t / self.t, dim=1)
        loss = F.kl_div(log_p_s, p_t, reduction="sum") * (self.t ** 2) / logits_s.shape[0]
        return loss
