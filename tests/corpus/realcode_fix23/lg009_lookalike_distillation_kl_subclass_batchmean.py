"""look-alike [LG009]: the same distillation loss at the fix commit: super().__init__(reduction='batchmean')."""

# Source: Deci-AI/super-gradients@5a5ffc1201 src/super_gradients/training/losses/kd_losses.py (the fix commit; cut, renamed)
import torch
from torch.nn.modules.loss import KLDivLoss, _Loss


class DistillKLDivLoss(KLDivLoss):
    """KL divergence wrapper for knowledge distillation"""

    def __init__(self):
        super(DistillKLDivLoss, self).__init__(reduction="batchmean")

    def forward(self, student_output, teacher_output):
        return super(DistillKLDivLoss, self).forward(torch.log_softmax(student_output, dim=1), torch.softmax(teacher_output, dim=1))


class DistillLogitsLoss(_Loss):
    """Knowledge distillation loss, wraps the task loss and distillation loss"""

    def __init__(self, task_loss_fn: _Loss, distillation_loss_fn: _Loss = DistillKLDivLoss(), distillation_loss_coeff: float = 0.5):
        super(DistillLogitsLoss, self).__init__()
        self.task_loss_fn = task_loss_fn
        self.distillation_loss_fn = distillation_loss_fn
        self.distillation_loss_coeff = distillation_loss_coeff

    def forward(self, kd_output, target):
        task_loss = self.task_loss_fn(kd_output.student_output, target)
        if isinstance(task_loss, tuple):
            task_loss = task_loss[0]
        distillation_loss = self.distillation_loss_fn(kd_output.student_output, kd_output.teacher_output)
        loss = task_loss * (1 - self.distillation_loss_coeff) + distillation_loss * self.distillation_loss_coeff
        return loss, torch.cat((loss.unsqueeze(0), task_loss.unsqueeze(0), distillation_loss.unsqueeze(0))).detach()
