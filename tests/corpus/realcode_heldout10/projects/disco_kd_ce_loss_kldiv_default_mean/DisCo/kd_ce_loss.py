"""part of positive project [LG009]: the distillation criterion builds nn.KLDivLoss() with the default reduction='mean' (the mean over every class entry, not the KL divergence) and scales it by T*T."""
# Source: Yuting-Gao/DisCo-pytorch@1d732c87e32308545680dc4b76c1b124870a2f79 DisCo/kd_ce_loss.py (read as is; re-typed)
import torch.nn.functional as F
import torch.nn as nn


def loss_fn_kd(outputs, labels, teacher_outputs, args):
    alpha = args.alpha
    T = args.T
    kd = nn.KLDivLoss()(F.log_softmax(outputs / T, dim=1),  # expect: LG009
                        F.softmax(teacher_outputs / T, dim=1)) * (alpha * T * T) + \
        F.cross_entropy(outputs, labels) * (1. - alpha)
    return kd
