"""look-alike [LG008, LG009]: symmetric KL with log-probabilities on both sides, correctly flagged with log_target=True and reduction='batchmean'."""
import torch.nn as nn
import torch.nn.functional as F


class SymmetricKL(nn.Module):
    def __init__(self):
        super().__init__()
        self.kl = nn.KLDivLoss(reduction="batchmean", log_target=True)

    def forward(self, logits_p, logits_q):
        lp = F.log_softmax(logits_p, dim=-1)
        lq = F.log_softmax(logits_q, dim=-1)
        return 0.5 * (self.kl(lp, lq) + F.kl_div(lq, lp, reduction="batchmean", log_target=True))


def consistency_step(model, weak, strong, optimizer, lam=1.0):
    crit = SymmetricKL()
    loss = lam * crit(model(weak), model(strong))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
