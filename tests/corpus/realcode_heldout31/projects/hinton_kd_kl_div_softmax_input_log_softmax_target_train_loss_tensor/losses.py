"""part of positive project [LG006, LG008]: loss_kd passes the student's softmax as kl_div's input and the teacher's log_softmax as its target (no log_target)."""
# Source: zhuangzi926/KnowledgeDistillation-pytorch at 4785bd9afa5d79a744c127851e316caf8469a10e losses.py (docstrings shortened; loss_hint, loss_kd, l2_normalize and loss_attention re-typed as written)
import torch
import torch.nn as nn
import torch.nn.functional as F

import settings


def loss_hint(guided_layer_output, hint_layer_output, regressor):
    teacher_output = hint_layer_output
    student_output = regressor(guided_layer_output)
    mse_loss = F.mse_loss(student_output, teacher_output)
    return 0.5 * mse_loss


def loss_kd(
    student_logits,
    teacher_logits,
    target,
    temperature=settings.TEMPERATURE,
    alpha=settings.ALPHA,
):
    """loss_kd = factor * KLD(log_softmax(teacher(X) / temperature), softmax(student(X) / temperature))

    kl_div expects log probabilities; cross_entropy includes the softmax itself.
    """
    teacher_soft_label = F.log_softmax(teacher_logits / temperature, dim=1)
    student_soft_label = F.softmax(student_logits / temperature, dim=1)
    loss = (
        F.kl_div(student_soft_label, teacher_soft_label, reduction="batchmean")  # expect: LG008
        * temperature
        * temperature
        * alpha
    )
    loss += F.cross_entropy(student_logits, target) * (1.0 - alpha)
    return loss


def l2_normalize(tensor):
    l2_norm = torch.norm(tensor, p=2)
    tensor /= l2_norm
    return tensor


def loss_attention(student_attention_map_list, teacher_attention_map_list, beta=settings.BETA):
    assert len(student_attention_map_list) > 0
    assert len(student_attention_map_list) == len(teacher_attention_map_list)

    loss = 0.0
    for s, t in zip(student_attention_map_list, teacher_attention_map_list):
        loss += torch.norm(l2_normalize(s) - l2_normalize(t), p=2)
    loss *= beta / 2

    return loss
