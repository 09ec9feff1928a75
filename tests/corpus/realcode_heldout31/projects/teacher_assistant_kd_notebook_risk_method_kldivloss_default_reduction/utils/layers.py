"""part of positive project [LG009]: loss_kl_divergence builds nn.KLDivLoss() with the default reduction for the soft term."""
# Source: AKSHATA-22/cs682-knowledge-distillation at 8d2cd444cacae2977e5d3e7f4c19298eec42727b src/utils/layers.py (re-typed; the decoupled two-teacher KL helper kept with its batchmean reductions)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def loss_l2(outputs, labels):
    return F.cross_entropy(input=outputs, target=labels)


def loss_kl_divergence(outputs, labels, teacher_outputs, alpha, temperature):
    kd_loss = nn.KLDivLoss()(F.log_softmax(outputs / temperature, dim=1),  # expect: LG009
                             F.softmax(teacher_outputs / temperature, dim=1)) * (alpha * temperature * temperature) + \
        F.cross_entropy(outputs, labels) * (1. - alpha)
    return kd_loss


def loss_kl_divergence_with_logits(student_output, labels, combined_teacher_output, temperature):
    z_t = combined_teacher_output
    z_s = student_output
    z_t_c = z_t - z_t[torch.arange(len(labels)), labels].unsqueeze(1)
    z_s_c = z_s - z_s[torch.arange(len(labels)), labels].unsqueeze(1)
    z = torch.min(z_t_c, z_s_c)

    p = F.log_softmax(z / temperature, dim=-1)
    p_t = F.softmax((z_t - z_t.max(dim=-1, keepdim=True).values) / temperature, dim=-1).detach()
    p_s = F.softmax((z_s - z_s.max(dim=-1, keepdim=True).values) / temperature, dim=-1)
    kl_s = temperature ** 2 * nn.KLDivLoss(reduction='batchmean')(p, p_s)
    kl_t = temperature ** 2 * nn.KLDivLoss(reduction='batchmean')(p, p_t)
    return kl_s + kl_t


def get_combined_teacher_output(teacher_1_output, teacher_2_output, pi1, pi2):
    return pi1 * teacher_1_output + pi2 * teacher_2_output
