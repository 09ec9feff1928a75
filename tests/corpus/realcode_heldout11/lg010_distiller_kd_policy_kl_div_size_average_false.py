"""positive [LG010]: the knowledge-distillation policy computes F.kl_div(..., size_average=False) / batch size, the deprecated argument standing in for reduction='batchmean'."""
# Source: IntelLabs/distiller@b2a03f36fea77ca905b5a6a84b4ec3222a4c9c12 distiller/knowledge_distillation.py (the parent of aa91e301 "Knowledge distillation fixes (#503)", which replaces size_average=False by reduction='batchmean' and scales by T^2; re-typed, identifiers renamed, the argument-parser helper and the docstrings left out)
import torch
import torch.nn.functional as F
from collections import namedtuple

from .policy import ScheduledTrainingPolicy, PolicyLoss, LossComponent

LossWeights = namedtuple('LossWeights', ['distill', 'student', 'teacher'])


class DistillationPolicy(ScheduledTrainingPolicy):

    def __init__(self, student_model, teacher_model, temperature=1.0,
                 loss_weights=LossWeights(0.5, 0.5, 0)):
        super(DistillationPolicy, self).__init__()
        if loss_weights.teacher != 0:
            raise NotImplementedError('teacher loss weight must be 0 for now')
        self.active = False
        self.student = student_model
        self.teacher = teacher_model
        self.temperature = temperature
        self.weights = loss_weights
        self.student_logits = None
        self.teacher_logits = None

    def forward(self, *inputs):
        if not self.active:
            return self.student(*inputs)
        if self.weights.teacher == 0:
            with torch.no_grad():
                self.teacher_logits = self.teacher(*inputs)
        else:
            self.teacher_logits = self.teacher(*inputs)
        out = self.student(*inputs)
        self.student_logits = out.new_tensor(out, requires_grad=True)
        return out

    def on_epoch_begin(self, model, zeros_mask_dict, meta, **kwargs):
        self.active = True

    def on_epoch_end(self, model, zeros_mask_dict, meta, **kwargs):
        self.active = False

    def before_backward_pass(self, model, epoch, minibatch_id, minibatches_per_epoch, loss, zeros_mask_dict,
                             optimizer=None):
        if not self.active:
            return None
        if self.teacher_logits is None or self.student_logits is None:
            raise RuntimeError("DistillationPolicy: call DistillationPolicy.forward() instead of the model")

        log_p = F.log_softmax(self.student_logits / self.temperature, dim=1)
        q = F.softmax(self.teacher_logits / self.temperature, dim=1)
        # PyTorch's KL Div averaging is wrong, so sum and divide by the batch size
        kd = F.kl_div(log_p, q.detach(), size_average=False) / q.shape[0]  # expect: LG010
        total = self.weights.student * loss + self.weights.distill * kd
        return PolicyLoss(total, [LossComponent('Distill Loss', kd)])
