"""LG016 sigmoid-then-bceloss: an explicit sigmoid right before BCELoss."""

from __future__ import annotations

from lossguard.static.events import Arg, LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.fix import Fix
from lossguard.static.rule import Rule, describe_site
from lossguard.static.rules._common import drop_activation, input_with_act, loss_label, to_bce_with_logits
from lossguard.static.values import Act, Tensor


class SigmoidThenBceLoss(Rule):
    code = "LG016"

    def on_loss_call(self, call: LossCall) -> None:
        found = input_with_act(call, "bce", Act.SIGMOID)
        if found is None:
            return
        arg, value = found
        if value.act_site is None or not value.act_site.explicit or value.act_site.scope != call.ctx.scope:
            return  # a model that ends in a sigmoid is a design choice, not this rule's business
        self.report(
            arg.node,
            call.ctx,
            f"sigmoid ({describe_site(value.act_site)}) followed by {loss_label(call)} is numerically fragile; use BCEWithLogitsLoss on the logits",
            self._fix(call, arg, value),
        )

    @staticmethod
    def _fix(call: LossCall, arg: Arg, value: Tensor) -> Fix | None:
        """``F.binary_cross_entropy(torch.sigmoid(x), y)`` -> ``F.binary_cross_entropy_with_logits(x, y)``."""
        drop = drop_activation(call, arg, value)
        rename = to_bce_with_logits(call)
        if drop is None or rename is None or any(k.arg == "weight" for k in call.node.keywords):
            return None
        return Fix("Use binary_cross_entropy_with_logits on the logits", (rename, drop), "safe")

    VALID = (
        """
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc(x))

criterion = nn.BCELoss()
loss = criterion(Net()(x), y)
""",
        """
import torch
import torch.nn.functional as F

logits = model(x)
loss = F.binary_cross_entropy_with_logits(logits, y)
probs = torch.sigmoid(logits)   # for the metrics only
accuracy = ((probs > 0.5).float() == y).float().mean()
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG016"),
            line=5,
            col=31,
            message="followed by F.binary_cross_entropy is numerically fragile; use BCEWithLogitsLoss on the logits",
        ),
        Invalid(
            """
import torch
import torch.nn.functional as F

logits = model(x)
loss = F.binary_cross_entropy(torch.sigmoid(logits), y)
""",
            line=5,
            col=31,
            message="followed by F.binary_cross_entropy is numerically fragile; use BCEWithLogitsLoss on the logits",
            edit=("loss = F.binary_cross_entropy(torch.sigmoid(logits), y)", "loss = F.binary_cross_entropy_with_logits(logits, y)"),
            fix_title="Use binary_cross_entropy_with_logits on the logits",
        ),
    )
