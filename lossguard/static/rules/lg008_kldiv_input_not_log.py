"""LG008 kldiv-input-not-log: KLDivLoss input is probabilities, or a log target without log_target=True."""

from __future__ import annotations

from lossguard.static.events import LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.interp.probability_pairs import PAIR_WRITTEN
from lossguard.static.rule import Rule, act_phrase, describe_site
from lossguard.static.rules._common import has_act, loss_label, tensor_arg
from lossguard.static.values import Act

_POLICY_KL = """
import torch.nn.functional as F
from torch.distributions import Categorical


def behaviour_cloning(logits_new, logits_old, actions):
    logp_new = Categorical(logits=logits_new).log_prob(actions)
    logp_old = Categorical(logits=logits_old).log_prob(actions)
    return F.kl_div(logp_new, logp_old, reduction="batchmean"{flag})
"""


class KlDivInputNotLog(Rule):
    code = "LG008"

    def on_loss_call(self, call: LossCall) -> None:
        if call.family != "kl":
            return
        found = has_act(call, "input", Act.PROBS, Act.SIGMOID)
        if found is not None:
            arg, value = found
            self.report(
                arg.node,
                call.ctx,
                f"{loss_label(call)} input is {act_phrase(value.act, value.act_site)}; it expects log-probabilities (log_softmax)",
            )
        target = has_act(call, "target", Act.LOG_PROBS)
        if target is not None and call.log_target is False:
            arg, value = target
            self.report(
                arg.node,
                call.ctx,
                f"{loss_label(call)} target is {act_phrase(value.act, value.act_site)} but log_target is not set; "
                "pass log_target=True or give probabilities",
            )
        if call.log_target is True:
            self._probabilities_as_log_target(call)

    def _probabilities_as_log_target(self, call: LossCall) -> None:
        """``log_target=True`` with a target of probabilities: a softmax's or a sigmoid's output, or a pair written as
        ``torch.stack([1 - p, p])`` (interp.probability_pairs). Each holds numbers above 0, which no log-probability is."""
        probs = has_act(call, "target", Act.PROBS, Act.SIGMOID)
        if probs is not None:
            arg, value = probs
            what = act_phrase(value.act, value.act_site)
        else:
            found = tensor_arg(call, "target")
            if found is None or not found[1].prob_pair:
                return
            arg, value = found
            where = describe_site(value.prob_pair_site)
            what = f"a two-outcome distribution written as {PAIR_WRITTEN}" + (f" ({where})" if where else "")
        self.report(
            arg.node,
            call.ctx,
            f"{loss_label(call)} target is {what} but log_target=True reads it as log-probabilities; drop log_target=True or give log-probabilities",
        )

    VALID = (
        """
import torch
import torch.nn as nn


class LabelSmoothing(nn.Module):
    def __init__(self, size, smoothing=0.1):
        super().__init__()
        self.criterion = nn.KLDivLoss(reduction="sum")
        self.size = size
        self.smoothing = smoothing

    def forward(self, x, target):
        true_dist = x.detach().clone()          # x holds log-probabilities...
        true_dist.fill_(self.smoothing / (self.size - 2))   # ...but every value is overwritten in place
        true_dist.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing)
        return self.criterion(x, true_dist)


loss = LabelSmoothing(10)(torch.log_softmax(torch.randn(4, 10), dim=-1), torch.tensor([1, 2, 3, 4]))
""",
        """
import torch.nn as nn
import torch.nn.functional as F

T = 4.0
kd = nn.KLDivLoss(reduction="batchmean")
loss = kd(F.log_softmax(student(x) / T, dim=1), F.softmax(teacher(x) / T, dim=1)) * T * T
""",
        # log-probabilities on both sides with log_target=True
        """
import torch.nn.functional as F

loss = F.kl_div(F.log_softmax(s, -1), F.log_softmax(t, -1), reduction="batchmean", log_target=True)
""",
        # the log-probabilities of a distribution's actions, said to be logs
        _POLICY_KL.replace("{flag}", ", log_target=True"),
        """
import torch
import torch.nn.functional as F

probs = F.softmax(anchors @ prototypes.T, dim=1)
prior = F.kl_div(input=torch.mean(probs, dim=0).log(), target=power_law, reduction="sum")
""",
        # a hand-written pair (1 - p, p) as probabilities, log_target left False (round 32, look-alike of LM-BFF's head)
        """
import torch
import torch.nn as nn


def regression_loss(log_probs, scores, low, high):
    scaled = (scores.view(-1) - low) / (high - low)
    target = torch.stack([1 - scaled, scaled], -1)
    return nn.KLDivLoss(reduction="batchmean")(log_probs.view(-1, 2), target)
""",
        # the same pair taken to log space first: log-probabilities, rightly with log_target=True
        """
import torch
import torch.nn as nn


def regression_loss(log_probs, scores, low, high):
    scaled = (scores.view(-1) - low) / (high - low)
    target = torch.log(torch.stack([1 - scaled, scaled], -1).clamp_min(1e-6))
    return nn.KLDivLoss(log_target=True, reduction="batchmean")(log_probs.view(-1, 2), target)
""",
        # two different expressions stacked: no pair that sums to 1 (silent)
        """
import torch
import torch.nn.functional as F


def pair_loss(log_probs, low_part, high_part):
    target = torch.stack([1 - low_part, high_part], dim=-1)
    return F.kl_div(log_probs, target, reduction="batchmean", log_target=True)
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG008"),
            line=5,
            col=11,
            message="KLDivLoss input is softmax probabilities",
        ),
        # Categorical(...).log_prob(actions) as the target: log-probabilities (DI-engine's PPG, realcode_heldout15)
        Invalid(
            _POLICY_KL.replace("{flag}", ""),
            line=8,
            col=31,
            message="F.kl_div target is log-softmax log-probabilities (Categorical(...).log_prob() at line 7)",
        ),
        Invalid(
            """
import torch.nn as nn
import torch.nn.functional as F

kd = nn.KLDivLoss(reduction="batchmean")
loss = kd(F.softmax(student_logits, dim=-1), F.softmax(teacher_logits, dim=-1))
""",
            line=5,
            col=11,
            message="KLDivLoss input is softmax probabilities",
        ),
        # the batch mean of softmax rows is still a distribution (lightly's PMSN prior term)
        """
import torch
import torch.nn.functional as F

probs = F.softmax(anchors @ prototypes.T, dim=1)
mean_probs = torch.mean(probs, dim=0)
prior = F.kl_div(input=mean_probs, target=power_law, reduction="sum")  # expect: LG008
""",
        Invalid(
            """
import torch.nn.functional as F

log_p = F.log_softmax(student_logits, dim=-1)
log_q = F.log_softmax(teacher_logits, dim=-1)
loss = F.kl_div(log_p, log_q, reduction="batchmean")
""",
            line=5,
            col=24,
            message="but log_target is not set; pass log_target=True or give probabilities",
        ),
        # LM-BFF's regression head (princeton-nlp/MeZO medium_models/src/models.py, re-typed; round 32): a score scaled
        # to [0, 1] written as the distribution (1 - p, p), read as log-probabilities by log_target=True
        Invalid(
            """
import torch
import torch.nn as nn


def prompt_loss(model, logits, labels):
    if model.num_labels == 1:
        logits = nn.LogSoftmax(-1)(logits)
        labels = torch.stack([1 - (labels.view(-1) - model.lb) / (model.ub - model.lb), (labels.view(-1) - model.lb) / (model.ub - model.lb)], -1)
        return nn.KLDivLoss(log_target=True, reduction="batchmean")(logits.view(-1, 2), labels)
    return nn.CrossEntropyLoss()(logits, labels)
""",
            line=9,
            col=89,
            message="KLDivLoss target is a two-outcome distribution written as torch.stack([1 - p, p]) (torch.stack at line 8) but "
            "log_target=True reads it as log-probabilities",
        ),
        Invalid(
            """
import torch.nn.functional as F


def distill(student_logits, teacher_logits, T=2.0):
    teacher = F.softmax(teacher_logits / T, dim=-1)
    return F.kl_div(F.log_softmax(student_logits / T, dim=-1), teacher, reduction="batchmean", log_target=True)
""",
            line=6,
            col=64,
            message="F.kl_div target is softmax probabilities (F.softmax at line 5) but log_target=True reads it as log-probabilities",
        ),
    )
