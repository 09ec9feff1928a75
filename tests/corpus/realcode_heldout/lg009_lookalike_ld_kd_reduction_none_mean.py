"""look-alike [LG009, LG008]: localization-distillation KD loss: F.kl_div(F.log_softmax(pred / T, dim=1), target, reduction='none').mean(1) * (T * T); the reduction is explicit, the target is a softmax distribution."""
# Source: issue https://github.com/HikariTJU/LD/issues/74 (mmdet/models/losses/kd_loss.py, code posted in the thread);
# re-typed, names changed. Whether .mean(1) or .sum(1) is the intended scale is discussed there; no rule of lossguard
# applies to an explicit reduction='none'.
import torch.nn.functional as F


def knowledge_distillation_kl_div_loss(pred, soft_label, T, detach_target=True):
    assert pred.size() == soft_label.size()
    target = F.softmax(soft_label / T, dim=1)
    if detach_target:
        target = target.detach()
    kd_loss = F.kl_div(F.log_softmax(pred / T, dim=1), target, reduction="none").mean(1) * (T * T)
    return kd_loss
