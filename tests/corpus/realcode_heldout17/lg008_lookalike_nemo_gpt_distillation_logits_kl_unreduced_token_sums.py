"""look-alike [LG008, LG009, LG015]: the GPT distillation example's logits KL loss passes F.log_softmax of the student and F.softmax of the (detached) teacher to F.kl_div with reduction='none', or log-probabilities on both sides with log_target=True under tensor parallelism, and sums over the vocabulary; the per-token matrix is masked and reduced by the trainer, not back-propagated here."""
# Source: NVIDIA/NeMo at 8cfedd72 (read as is), examples/nlp/language_modeling/megatron_gpt_distillation.py;
# re-typed, identifiers renamed; the model-optimizer plumbing around the criterion and the gradient-carrying
# all-reduce autograd function cut (the distributed max and denominators kept in their real shape).
from abc import ABCMeta
from typing import Any, Dict, Tuple

import torch
import torch.nn.functional as F
from megatron.core.parallel_state import get_tensor_model_parallel_group
from torch import Tensor
from torch.nn.modules.loss import _Loss


def all_reduce_autograd(t, group):
    return _AllReduce.apply(torch.distributed.ReduceOp.SUM, group, t)


class _AllReduce(torch.autograd.Function):
    @staticmethod
    def forward(ctx, op, group, tensor):
        ctx.group, ctx.op = group, op
        tensor = tensor.clone()
        torch.distributed.all_reduce(tensor, op=op, group=group)
        return tensor

    @staticmethod
    def backward(ctx, grad_output):
        return (None, None, _AllReduce.apply(ctx.op, ctx.group, grad_output))


def default_kd_config(student_cfg) -> Dict[str, Any]:
    pair = ("output_layer", "output_layer")
    tp = student_cfg.tensor_model_parallel_size > 1
    return {"criterion": {tuple(pair): LogitsKL(tensor_parallel=tp)}, "loss_balancer": None, "skip_lm_loss": True}


class KDLossBase(_Loss, metaclass=ABCMeta):
    def __init__(self, tensor_parallel: bool = False):
        super().__init__()
        self._tp = tensor_parallel

    def pre_forward(self, student: Tensor, teacher: Tensor) -> Tuple[Tensor, Tensor]:
        if isinstance(student, tuple):
            student, teacher = student[0], teacher[0]
        teacher = teacher.detach()
        return student, teacher

    def post_forward(self, loss: Tensor) -> Tensor:
        return loss.transpose(0, 1).contiguous()


class LogitsKL(KDLossBase):
    def __init__(self, tensor_parallel: bool = False, temperature: float = 1.0, reverse: bool = False):
        super().__init__(tensor_parallel)
        self._temp = temperature
        self._reverse = reverse

    def forward(self, student: Tensor, teacher: Tensor) -> Tensor:
        student, teacher = self.pre_forward(student, teacher)
        t_out = teacher.float() / self._temp
        s_out = student.float() / self._temp

        if self._tp:
            t_max, _ = torch.max(t_out, dim=-1)
            torch.distributed.all_reduce(t_max, op=torch.distributed.ReduceOp.MAX,
                                         group=get_tensor_model_parallel_group())
            t_out = t_out - t_max.unsqueeze(dim=-1)
            t_den = all_reduce_autograd(torch.sum(torch.exp(t_out), dim=-1), group=get_tensor_model_parallel_group())
            s_max, _ = torch.max(s_out, dim=-1)
            torch.distributed.all_reduce(s_max, op=torch.distributed.ReduceOp.MAX,
                                         group=get_tensor_model_parallel_group())
            s_out = s_out - s_max.unsqueeze(dim=-1).detach()
            s_den = all_reduce_autograd(torch.sum(torch.exp(s_out), dim=-1), group=get_tensor_model_parallel_group())
            slen, bsz, vshard = s_out.shape
            s_logp = s_out - torch.log(s_den).view(slen, bsz, 1).expand(slen, bsz, vshard)
            t_logp = t_out - torch.log(t_den).view(slen, bsz, 1).expand(slen, bsz, vshard)
            if self._reverse:
                loss = torch.sum(F.kl_div(t_logp, s_logp, reduction="none", log_target=True), dim=-1)
            else:
                loss = torch.sum(F.kl_div(s_logp, t_logp, reduction="none", log_target=True), dim=-1)
        else:
            if self._reverse:
                loss = torch.sum(
                    F.kl_div(F.log_softmax(t_out, dim=-1), F.softmax(s_out, dim=-1), reduction="none"),
                    dim=-1,
                )
            else:
                loss = torch.sum(
                    F.kl_div(F.log_softmax(s_out, dim=-1), F.softmax(t_out, dim=-1), reduction="none"),
                    dim=-1,
                )
        return self.post_forward(loss)
