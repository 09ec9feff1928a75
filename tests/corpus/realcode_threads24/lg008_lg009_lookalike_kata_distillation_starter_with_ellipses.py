"""look-alike [LG008, LG009]: an exercise's distillation-loss starter: KLDivLoss with batchmean whose arguments are left as `...` for the reader."""

# Source: https://mlkatas.com/kata/90 ("Implement a Knowledge Distillation Loss"), the starter code as shown, re-typed.
# The two KL arguments are `...` placeholders (the comments say: log_softmax of the student's softened logits, softmax
# of the teacher's); nothing is known of them, and the reduction is batchmean.
import torch
import torch.nn as nn
import torch.nn.functional as F


class DistillationLoss(nn.Module):
    def __init__(self, teacher_model, alpha=0.1, T=2.0):
        super().__init__()
        self.teacher_model = teacher_model
        self.alpha = alpha
        self.T = T
        self.distillation_loss_fn = nn.KLDivLoss(reduction="batchmean")
        self.student_loss_fn = nn.CrossEntropyLoss()

    def forward(self, student_logits, labels, inputs):
        with torch.no_grad():
            teacher_logits = self.teacher_model(inputs)
        loss_ce = self.student_loss_fn(student_logits, labels)
        loss_kd = self.distillation_loss_fn(
            ...,  # soft student predictions
            ...,  # soft teacher predictions
        )
        return self.alpha * loss_ce + (1.0 - self.alpha) * self.T**2 * loss_kd
