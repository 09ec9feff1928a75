"""look-alike [LG008, LG009, LG001]: torchdistill's KDLoss subclasses nn.KLDivLoss with reduction='batchmean' by default and calls super().forward(torch.log_softmax(student / T), torch.softmax(teacher / T)); the hard loss is CrossEntropyLoss on the raw student logits."""
# Source: https://github.com/yoshitomo-matsubara/torchdistill torchdistill/losses/mid_level.py at
# 3e4373c45214c5c56eebac481d5bfe8b8735aa05 (issue #233 asked why log_softmax is used for the student); re-typed,
# names changed, reduced; the caller is a reduced training step. Correct code.
import torch
from torch import nn

from .registry import register_mid_level_loss


@register_mid_level_loss
class KDLoss(nn.KLDivLoss):
    def __init__(self, student_module_path, student_module_io, teacher_module_path, teacher_module_io, temperature, alpha=None, beta=None, reduction="batchmean", **kwargs):
        super().__init__(reduction=reduction)
        self.student_module_path = student_module_path
        self.student_module_io = student_module_io
        self.teacher_module_path = teacher_module_path
        self.teacher_module_io = teacher_module_io
        self.temperature = temperature
        self.alpha = alpha
        self.beta = 1 - alpha if beta is None else beta
        cel_reduction = "mean" if reduction == "batchmean" else reduction
        self.cross_entropy_loss = nn.CrossEntropyLoss(reduction=cel_reduction, **kwargs)

    def forward(self, student_io_dict, teacher_io_dict, targets=None, *args, **kwargs):
        student_logits = student_io_dict[self.student_module_path][self.student_module_io]
        teacher_logits = teacher_io_dict[self.teacher_module_path][self.teacher_module_io]
        soft_loss = super().forward(
            torch.log_softmax(student_logits / self.temperature, dim=1),
            torch.softmax(teacher_logits / self.temperature, dim=1),
        )
        if self.alpha is None or self.alpha == 0 or targets is None:
            return soft_loss
        hard_loss = self.cross_entropy_loss(student_logits, targets)
        return self.alpha * hard_loss + self.beta * (self.temperature ** 2) * soft_loss


def train_one_epoch(student, teacher, loader, optimizer):
    criterion = KDLoss("fc", "output", "fc", "output", temperature=4.0, alpha=0.5)
    student.train()
    for images, targets in loader:
        with torch.no_grad():
            teacher_logits = teacher(images)
        student_logits = student(images)
        loss = criterion({"fc": {"output": student_logits}}, {"fc": {"output": teacher_logits}}, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
