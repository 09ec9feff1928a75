"""positive [LG009]: the consistency losses of cross-consistency training compare an auxiliary decoder's log-softmax with the main decoder's probabilities through F.kl_div with reduction='mean', which divides by every element instead of the batch."""

# Source: HiLab-git/PyMIC@8bcebd6 pymic/net_run/semi_sup/ssl_cct.py (re-typed, renamed, cut to the unsupervised losses)
import torch
import torch.nn.functional as F


def softmax_kl(inputs, targets, use_softmax=False):
    assert inputs.requires_grad and not targets.requires_grad
    log_probs = F.log_softmax(inputs, dim=1)
    if use_softmax:
        targets = F.softmax(targets, dim=1)
    return F.kl_div(log_probs, targets, reduction="mean")  # expect: LG009


def softmax_js(inputs, targets, eps=1e-5):
    assert inputs.requires_grad and not targets.requires_grad
    middle = (F.softmax(inputs, dim=1) + targets) * 0.5
    kl_a = F.kl_div(F.log_softmax(inputs, dim=1), middle, reduction="mean")  # expect: LG009
    kl_b = F.kl_div(torch.log(targets + eps), middle, reduction="mean")  # expect: LG009
    return (kl_a + kl_b) * 0.5


UNSUPERVISED = {"KL": softmax_kl, "JS": softmax_js}
