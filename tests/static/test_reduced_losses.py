"""Round 37 (branch prec27, docs/survey.md "Round 37: false alarms at their cause"): a sum or mean of a per-element
loss is a loss on its path even where the analysis does not know it holds its graph (``values.Tensor.reduced``), so
where it meets the per-element loss itself (a reduction helper's ``else: return per_token``) the join is no per-element
loss. Each project runs end to end through the engine with ``# expect:`` markers, as test_interp.py's PROJECTS.

The false alarm is huggingface/trl's ``IWOPDTrainer.compute_loss`` (the judged sweep, ``iw_opd_trainer.py:1684``):
``_jsd_divergence`` gives ``F.kl_div(..., reduction="none")`` or a divergence written by hand (a per-element loss with
no graph known), ``_reduce_divergence_loss`` reduces it by a ``reduction`` string it is handed by name (undecided:
``guards.decided_test``), and the reduced paths, holding no known graph, were read as "no loss there", so the join with
``return jsd`` was a per-element loss. Session 26 silenced it in LG015's step-return check (a per-element loss not known
to hold its graph stayed silent there), which also silenced a helper's per-element loss returned as it is (the
positive below, missed on main d9bcb710); that guard is gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_DIVERGENCE = """
import torch
import torch.nn.functional as F
from transformers import Trainer


def divergence(student_log_probs, teacher_log_probs, mask=None):
    if mask is not None:
        probs = teacher_log_probs.exp()
        return probs * (teacher_log_probs - student_log_probs)
    return F.kl_div(student_log_probs, teacher_log_probs, reduction="none", log_target=True)


class DistillTrainer(Trainer):
    @staticmethod
    def reduce_divergence(per_token, reduction="batchmean"):
        if reduction == "batchmean":
            return per_token.sum() / per_token.size(0)
        elif reduction == "sum":
            return per_token.sum()
        else:
            return per_token

    @staticmethod
    def jsd_loss(student_logits, teacher_logits, reduction="batchmean", top_k=0):
        student = F.log_softmax(student_logits, dim=-1)
        teacher = F.log_softmax(teacher_logits, dim=-1)
        mask = None
        if top_k > 0:
            mask = torch.ones_like(student, dtype=torch.bool)
        per_token = divergence(student, teacher, mask)
        return DistillTrainer.reduce_divergence(per_token, reduction=reduction)

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        outputs = model(**inputs)
        with torch.no_grad():
            teacher_outputs = self.teacher(**inputs)
{loss}
        return (loss, outputs) if return_outputs else loss{mark}
"""

_RUN = """
from transformers import AutoModelForCausalLM, TrainingArguments

from divergence import DistillTrainer

model = AutoModelForCausalLM.from_pretrained("gpt2")
trainer = DistillTrainer(model=model, args=TrainingArguments("out"), train_dataset=train_set)
trainer.teacher = AutoModelForCausalLM.from_pretrained("gpt2-medium")
trainer.train()
"""


def _trainer(loss: str, mark: str) -> dict[str, str]:
    return {"divergence.py": _DIVERGENCE.replace("{loss}", loss).replace("{mark}", mark), "run.py": _RUN}


# the reduction helper's default reduction, handed on by name: its reduced paths and `return per_token` meet; silent
# (without session 26's guard, main d9bcb710 reported LG015 here)
PROJECTS["a_reduction_helper_s_reduced_paths_meet_the_per_element_loss"] = _trainer(
    "        loss = self.jsd_loss(outputs.logits, teacher_outputs.logits, top_k=self.args.top_k)", ""
)
# the helper asked for no reduction by a literal (the test is decided): the per-element divergence, returned to the
# Trainer, which calls backward() on it; its graph is not known (the hand-written path), and the guard kept it silent
_NO_REDUCTION = """        student = F.log_softmax(outputs.logits, dim=-1)
        teacher = F.log_softmax(teacher_outputs.logits, dim=-1)
        mask = None
        if self.args.top_k > 0:
            mask = torch.ones_like(student, dtype=torch.bool)
        loss = self.reduce_divergence(divergence(student, teacher, mask), reduction="none")"""
PROJECTS["a_reduction_helper_asked_for_no_reduction_returns_the_per_element_loss"] = _trainer(_NO_REDUCTION, "  # expect: LG015")
# the same with the per-element loss holding its graph (kl_div alone): reported on main as here
PROJECTS["a_reduction_helper_asked_for_no_reduction_of_a_known_loss"] = _trainer(
    _NO_REDUCTION.replace("divergence(student, teacher, mask)", 'F.kl_div(student, teacher, reduction="none", log_target=True)'),
    "  # expect: LG015",
)
# asked for a sum by a literal: a loss, silent on both engines
PROJECTS["a_reduction_helper_asked_for_a_sum"] = _trainer(_NO_REDUCTION.replace('reduction="none"', 'reduction="sum"'), "")


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_reduced_losses(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
