"""look-alike [LG008, LG009]: the distillation losses take the log of a clamped softmax as kl_div's input and the clamped softmax as its target, both with reduction='batchmean'; the mutual-learning loss does it in both directions."""
# Source: zgcr/SimpleAICV_pytorch_training_examples at 14b1826d, SimpleAICV/distillation/losses.py (read as is);
# re-typed, identifiers renamed; the L2 loss cut.
import torch
import torch.nn as nn
import torch.nn.functional as F

__all__ = ['CELoss', 'OneHotLabelCELoss', 'KDLoss', 'DMLLoss']


class CELoss(nn.Module):
    def __init__(self):
        super(CELoss, self).__init__()
        self.loss = nn.CrossEntropyLoss(reduction='mean')

    def forward(self, pred, label):
        pred = pred.float()
        return self.loss(pred, label)


class OneHotLabelCELoss(nn.Module):
    def __init__(self):
        super(OneHotLabelCELoss, self).__init__()

    def forward(self, pred, label):
        pred = pred.float()
        loss = torch.sum(-label * F.log_softmax(pred, dim=-1), dim=-1)
        return loss.mean()


class KDLoss(nn.Module):
    def __init__(self, T):
        super(KDLoss, self).__init__()
        self.t = T

    def forward(self, student_preds, teacher_preds):
        student_preds = student_preds.float()
        teacher_preds = teacher_preds.float()
        s = F.softmax(student_preds / self.t, dim=1)
        s = torch.clamp(s, min=1e-4, max=1. - 1e-4)
        s = torch.log(s)
        t = F.softmax(teacher_preds / self.t, dim=1)
        t = torch.clamp(t, min=1e-4, max=1. - 1e-4)
        loss = F.kl_div(s, t, reduction='batchmean') * (self.t ** 2)
        return loss


class DMLLoss(nn.Module):
    def __init__(self, T):
        super(DMLLoss, self).__init__()
        self.t = T

    def forward(self, student_preds, teacher_preds):
        student_preds = student_preds.float()
        teacher_preds = teacher_preds.float()
        s_prob = F.softmax(student_preds / self.t, dim=1)
        s_prob = torch.clamp(s_prob, min=1e-4, max=1. - 1e-4)
        t_prob = F.softmax(teacher_preds / self.t, dim=1)
        t_prob = torch.clamp(t_prob, min=1e-4, max=1. - 1e-4)
        s_log = F.softmax(student_preds / self.t, dim=1)
        s_log = torch.clamp(s_log, min=1e-4, max=1. - 1e-4)
        s_log = torch.log(s_log)
        t_log = F.softmax(teacher_preds / self.t, dim=1)
        t_log = torch.clamp(t_log, min=1e-4, max=1. - 1e-4)
        t_log = torch.log(t_log)
        loss = (F.kl_div(s_log, t_prob, reduction='batchmean') * (self.t ** 2) +
                F.kl_div(t_log, s_prob, reduction='batchmean') * (self.t ** 2)) / 2.0
        return loss
