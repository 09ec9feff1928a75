"""positive [LG009]: a knowledge-distillation loss derives from nn.KLDivLoss and builds its parent with super().__init__() at the default reduction, the mean over elements (the fix, titled "added batchmean to ke divergance", passes reduction='batchmean')."""

# Source: Deci-AI/super-gradients@1a5a616a47 src/super_gradients/training/losses/kd_losses.py, fixed in 5a5ffc1201 (cut, renamed)
import torch
from torch.nn.modules.loss import KLDivLoss, _Loss


class DistillKLDivLoss(KLDivLoss):
    """KL divergence wrapper for knowledge distillation"""

    def __init__(self):
        super(DistillKLDivLoss, self).__init__()  # expect: LG009

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
