"""look-alike [LG008, LG009]: the distillation KL loss of a model-compression toolbox takes log_softmax of the student and softmax of the detached teacher, both over dim 1, and uses reduction='batchmean' unless configured otherwise."""
# Source: open-mmlab/mmrazor at aa1885b6 ("fix bugs in KLDivergence", which replaced a hand-written soft cross-entropy by
# F.kl_div with a reduction argument), mmrazor/models/losses/kl_divergence.py; re-typed, identifiers renamed; docstrings
# cut.
import torch.nn as nn
import torch.nn.functional as F

from ..builder import LOSSES


@LOSSES.register_module()
class KLDivergence(nn.Module):
    def __init__(self, tau=1.0, reduction='batchmean', loss_weight=1.0):
        super(KLDivergence, self).__init__()
        self.tau = tau
        self.loss_weight = loss_weight
        allowed = {'none', 'batchmean', 'sum', 'mean'}
        assert reduction in allowed, f'KLDivergence supports reduction {allowed}, but gets {reduction}.'
        self.reduction = reduction

    def forward(self, preds_S, preds_T):
        preds_T = preds_T.detach()
        t_prob = F.softmax(preds_T / self.tau, dim=1)
        s_logp = F.log_softmax(preds_S / self.tau, dim=1)
        loss = (self.tau**2) * F.kl_div(s_logp, t_prob, reduction=self.reduction)
        return self.loss_weight * loss
