"""part of look-alike project [LG006, LG008, LG009]: the logit KD loss compares log_softmax student and softmax teacher with F.kl_div(reduction="batchmean")."""
# Source: hungdinhxuan/Lightning-hydra at 656e857a (read as is), src/models/components/distillation.py; re-typed.
from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F


class LogitKDLoss(nn.Module):
    def __init__(self, temperature: float = 4.0) -> None:
        super().__init__()
        if temperature <= 0:
            raise ValueError("temperature must be > 0")
        self.temperature = float(temperature)

    def forward(self, student_logits: torch.Tensor, teacher_logits: torch.Tensor, temperature: float | None = None) -> torch.Tensor:
        if student_logits.numel() == 0:
            return student_logits.new_zeros(())
        temp = self.temperature if temperature is None else float(temperature)
        student_log_probs = F.log_softmax(student_logits / temp, dim=-1)
        teacher_probs = F.softmax(teacher_logits / temp, dim=-1)
        return F.kl_div(student_log_probs, teacher_probs, reduction="batchmean") * (temp**2)


class FeatureKDLoss(nn.Module):
    def forward(self, student_features: torch.Tensor, teacher_features: torch.Tensor) -> torch.Tensor:
        if student_features.numel() == 0:
            return student_features.new_zeros(())
        return F.mse_loss(student_features, teacher_features)
