"""part of look-alike project [LG006, LG008, LG009, LG012]: the distillation criterion: MSE between student and teacher scores, or KLDivLoss(reduction='batchmean') between the student's log_softmax and the teacher's softmax at a temperature, times T squared."""
# Source: YunyangZeng/CTC-based-Keyword-Spotter at 32ed4bd3, kd_loss.py; re-typed, identifiers renamed.
import torch


class DistillLoss(torch.nn.Module):
    def __init__(self, loss_type='mse', temperature=1.0):
        super(DistillLoss, self).__init__()
        self.loss_type = loss_type
        if self.loss_type == 'mse':
            self.criterion = torch.nn.MSELoss()
            self.temperature = None
        elif self.loss_type == 'kld':
            self.criterion = torch.nn.KLDivLoss(reduction='batchmean')
            self.temperature = temperature

    def forward(self, student_logits, teacher_logits):
        if self.loss_type == 'mse':
            return self.mse_loss(student_logits, teacher_logits)
        elif self.loss_type == 'kld':
            return self.kld_loss(student_logits, teacher_logits)

    def mse_loss(self, student_logits, teacher_logits):
        return self.criterion(student_logits, teacher_logits)

    def kld_loss(self, student_logits, teacher_logits):
        s_log = torch.nn.functional.log_softmax(student_logits / self.temperature, dim=1)
        t_prob = torch.nn.functional.softmax(teacher_logits / self.temperature, dim=1)
        return self.criterion(s_log, t_prob) * (self.temperature ** 2)
