"""look-alike [LG009, LG008, LG006]: SparseML's distillation modifier computes TF.kl_div(input=log_softmax(student / T), target=softmax(teacher / T), reduction="batchmean") per output, appends the values to a list local to loss_update and keeps the latest losses in attributes that every call overwrites."""
# Source: https://github.com/neuralmagic/sparseml src/sparseml/pytorch/optim/modifier_distillation.py at
# 3db3086f6b1b1b76050ee574ba92f792d7bb001e (pull request #592 "fixing reduction in teacher distillation function" discussed
# replacing batchmean for multi-dimensional outputs; batchmean over (N, C) logits is the KL divergence); re-typed,
# names changed, reduced (properties, logging and finalize left out).
import logging
from copy import deepcopy
from typing import Any, Dict, Iterable, List, Optional, Union

import torch
import torch.nn.functional as TF
from torch import Tensor
from torch.nn import Module
from torch.optim import Optimizer

from sparseml.pytorch.optim.modifier import ScheduledUpdateModifier
from sparseml.pytorch.utils import device_of, tensors_module_forward

_LOGGER = logging.getLogger(__name__)


class DistillationModifier(ScheduledUpdateModifier):
    def __init__(self, start_epoch=-1.0, end_epoch=-1.0, distill_output_keys=None, teacher_input_keys=None,
                 update_frequency=-1.0, hardness=0.5, temperature=2.0):
        super().__init__(start_epoch=start_epoch, end_epoch=end_epoch, update_frequency=update_frequency)
        self._hardness = hardness
        self._temperature = temperature
        self._distill_output_keys = distill_output_keys
        self._teacher_input_keys = teacher_input_keys
        self._teacher = None
        self._latest_student_loss = None
        self._latest_teacher_loss = None
        self._latest_distillation_loss = None

    def loss_update(self, loss: Tensor, module: Module, optimizer: Optimizer, epoch: float, steps_per_epoch: int,
                    student_outputs: Union[Tensor, Dict, Iterable] = None,
                    student_inputs: Union[Tensor, Iterable[Tensor], Dict[Any, Tensor]] = None, **kwargs) -> Tensor:
        self._latest_student_loss = None
        self._latest_teacher_loss = None
        self._latest_distillation_loss = None
        self._latest_student_loss = super().loss_update(loss, module, optimizer, epoch, steps_per_epoch, **kwargs)

        if not self.update_ready(epoch, steps_per_epoch):
            return self._latest_student_loss
        if student_outputs is None or student_inputs is None:
            raise ValueError("Student outputs and teacher inputs are required for distillation loss update")

        teacher_inputs = (student_inputs if not self._teacher_input_keys
                          else {key: student_inputs[key] for key in self._teacher_input_keys})
        teacher_inputs = deepcopy(teacher_inputs)
        if self._teacher == "self":
            self._teacher = deepcopy(module)
        self._teacher.eval()
        if next(self._teacher.parameters()).device != device_of(teacher_inputs):
            self._teacher.to(device_of(teacher_inputs))

        with torch.no_grad():
            teacher_outputs = tensors_module_forward(teacher_inputs, self._teacher, check_feat_lab_inp=False)

        if type(student_outputs) != type(teacher_outputs):
            raise ValueError("Student and teacher outputs must have the same type")

        distill_losses = []
        if isinstance(student_outputs, Tensor):
            distill_losses.append(self._calc_distill_loss(student_outputs, teacher_outputs))
        elif isinstance(student_outputs, Dict):
            for key in self._distill_output_keys or student_outputs:
                distill_losses.append(self._calc_distill_loss(student_outputs[key], teacher_outputs[key]))
        elif isinstance(student_outputs, Iterable):
            for idx in self._distill_output_keys or range(len(student_outputs)):
                distill_losses.append(self._calc_distill_loss(student_outputs[idx], teacher_outputs[idx]))

        self._latest_teacher_loss = sum(distill_losses) / len(distill_losses)
        self._latest_distillation_loss = ((1.0 - self._hardness) * loss) + (self._hardness * self._latest_teacher_loss)
        return self._latest_distillation_loss

    def _calc_distill_loss(self, student_val: Tensor, teacher_val: Tensor) -> Tensor:
        return (
            TF.kl_div(
                input=TF.log_softmax(student_val / self._temperature, dim=-1),
                target=TF.softmax(teacher_val / self._temperature, dim=-1),
                reduction="batchmean",
            )
            * (self._temperature ** 2)
        )
