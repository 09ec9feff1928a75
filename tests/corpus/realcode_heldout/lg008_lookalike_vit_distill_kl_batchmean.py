"""look-alike [LG008, LG009, LG001]: ViT distillation wrapper: F.kl_div(F.log_softmax(student / T, dim=-1), F.softmax(teacher / T, dim=-1).detach(), reduction='batchmean'); hard mode uses the teacher's argmax with cross_entropy."""
# Source: https://github.com/lucidrains/vit-pytorch vit_pytorch/distill.py at 69d24fe9e3024c0d4b02761123b8583a24ebed1e
# (DistillWrapper.forward); re-typed, names changed, reduced. Correct code.
import torch
import torch.nn.functional as F
from torch import nn


class DistillWrapper(nn.Module):
    def __init__(self, *, teacher, student, temperature=1.0, alpha=0.5, hard=False, dim=512, num_classes=1000):
        super().__init__()
        self.teacher = teacher
        self.student = student
        self.temperature = temperature
        self.alpha = alpha
        self.hard = hard
        self.distillation_token = nn.Parameter(torch.randn(1, 1, dim))
        self.distill_mlp = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, num_classes))

    def forward(self, img, labels, temperature=None, alpha=None, **kwargs):
        T = temperature if temperature is not None else self.temperature
        alpha = alpha if alpha is not None else self.alpha
        with torch.no_grad():
            teacher_logits = self.teacher(img)
        student_logits, distill_tokens = self.student(img, distill_token=self.distillation_token, **kwargs)
        distill_logits = self.distill_mlp(distill_tokens)
        loss = F.cross_entropy(student_logits, labels)
        if not self.hard:
            distill_loss = F.kl_div(
                F.log_softmax(distill_logits / T, dim=-1),
                F.softmax(teacher_logits / T, dim=-1).detach(),
                reduction="batchmean",
            )
            distill_loss *= T ** 2
        else:
            teacher_labels = teacher_logits.argmax(dim=-1)
            distill_loss = F.cross_entropy(distill_logits, teacher_labels)
        return loss * (1 - alpha) + distill_loss * alpha
