"""LG013 class-target-dtype: float class-index target for CrossEntropyLoss / NLLLoss."""

from __future__ import annotations

from lossguard.static.events import LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.rule import Rule, via_caller
from lossguard.static.rules._class_targets import class_target_conflict
from lossguard.static.rules._common import convert_target, loss_label, tensor_arg
from lossguard.static.torch_api import CLASS_INDEX_FAMILIES
from lossguard.static.values import Dtype

# the fix's title the examples expect
_TO_LONG = "Convert the target with .long()"


class ClassTargetDtype(Rule):
    code = "LG013"

    def on_loss_call(self, call: LossCall) -> None:
        if call.family not in CLASS_INDEX_FAMILIES:
            return
        tgt = tensor_arg(call, "target")
        if tgt is None or tgt[1].dtype is not Dtype.FLOAT:
            return
        shape = tgt[1].shape
        if call.family == "ce":
            # a float target of the input's shape is a soft label, which is right
            inp = tensor_arg(call, "input")
            in_shape = inp[1].shape if inp is not None else None
            is_indices = (
                shape is not None
                and shape.rank_known
                and (len(shape.dims) == 1 or (in_shape is not None and in_shape.rank_known and len(shape.dims) == len(in_shape.dims) - 1))
            ) or (
                # (round 31) a target certainly not of the input's shape is read as class indices too: torch takes
                # soft labels only of the input's very shape (a data frame's float (N, 1) class column)
                shape is not None and in_shape is not None and class_target_conflict(in_shape, shape, Dtype.FLOAT)
            )
            if not is_indices:
                return
        node = tgt[0].node
        self.report(
            node,
            call.ctx,
            f"{loss_label(call)} target holds class indices as floats{via_caller(node, call.ctx)}; class indices must be int64: use .long()",
            convert_target(call, node, "long", "unsafe"),
        )

    VALID = (
        """
import torch
import torch.nn.functional as F

soft = torch.softmax(teacher_logits, dim=1).float()   # soft labels, same shape as the input
loss = F.cross_entropy(student_logits, soft)
""",
        """
import torch
import torch.nn as nn

y = torch.tensor(labels, dtype=torch.long)
loss = nn.CrossEntropyLoss()(logits, y)
""",
        """
import torch
import torch.nn.functional as F


class TestChunkedLoss:
    # huggingface/trl@f2cd5771 tests: a staticmethod called through self binds no self
    B, S, H, V = 2, 8, 4, 16

    def _inputs(self):
        hidden = torch.randn(self.B, self.S, self.H, dtype=torch.float32)
        weight = torch.randn(self.V, self.H, dtype=torch.float32)
        labels = torch.randint(0, self.V, (self.B, self.S))
        return hidden, weight, labels

    @staticmethod
    def _reference(hidden, weight, labels):
        shift_h = hidden[..., :-1, :].reshape(-1, hidden.size(-1))
        shift_l = labels[..., 1:].reshape(-1)
        logits = shift_h.float() @ weight.float().t()
        return F.cross_entropy(logits, shift_l, ignore_index=-100)

    def test_matches(self):
        hidden, weight, labels = self._inputs()
        loss = self._reference(hidden, weight, labels)
        assert loss.item() > 0
""",
        """
import pandas as pd
import torch
import torch.nn.functional as F

df = pd.read_csv("scores.csv")
soft = torch.tensor(df[["p0", "p1", "p2"]].values, dtype=torch.float32)  # one row of class probabilities
perm = torch.randperm(len(df))
for start in range(0, len(df), 256):
    idx = perm[start:start + 256]
    loss = F.cross_entropy(net(x[idx]), soft[idx])
""",
        # (round 31) NumPy's text readers: integer class numbers (dtype= given), and soft labels of unknown shape
        """
import numpy as np
import torch
import torch.nn as nn

table = np.loadtxt("wine.csv", delimiter=",", skiprows=1, dtype=np.int64)
y = torch.from_numpy(table[:, 0].reshape(-1))
soft = torch.from_numpy(np.loadtxt("teacher_probs.csv", delimiter=",")).float()  # one row of probabilities
net = nn.Linear(13, 3)
loss = nn.CrossEntropyLoss()(net(x), y) + nn.CrossEntropyLoss()(net(x), soft)
""",
        # a float target of the input's very shape: soft labels, whatever else is known of it
        """
import torch
import torch.nn as nn

net = nn.Linear(13, 3)
mixed = torch.zeros(64, 3)
mixed[:, 0] = 1.0
loss = nn.CrossEntropyLoss()(net(x), mixed)
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG013"),
            line=7,
            col=32,
            message="F.cross_entropy target holds class indices as floats; class indices must be int64",
            edit=("loss = F.cross_entropy(logits, labels)", "loss = F.cross_entropy(logits, labels.long())"),
            fix_title=_TO_LONG,
        ),
        Invalid(
            """
import torch
import torch.nn as nn

y = torch.tensor([0, 2, 1, 1], dtype=torch.float32)
loss = nn.CrossEntropyLoss()(logits, y)
""",
            line=5,
            col=38,
            message="CrossEntropyLoss target holds class indices as floats; class indices must be int64",
            edit=("loss = nn.CrossEntropyLoss()(logits, y)", "loss = nn.CrossEntropyLoss()(logits, y.long())"),
            fix_title=_TO_LONG,
        ),
        Invalid(
            """
import torch.nn.functional as F

loss = F.nll_loss(F.log_softmax(out, dim=1), target.float())
""",
            line=3,
            col=46,
            message="F.nll_loss target holds class indices as floats; class indices must be int64",
            edit=(
                "loss = F.nll_loss(F.log_softmax(out, dim=1), target.float())",
                "loss = F.nll_loss(F.log_softmax(out, dim=1), target.float().long())",
            ),
            fix_title=_TO_LONG,
        ),
        # a pandas column of class numbers made float, picked by a permutation of the rows
        Invalid(
            """
import pandas as pd
import torch
import torch.nn.functional as F

df = pd.read_csv("cover_type.csv")
y = torch.tensor(df["label"].values - 1, dtype=torch.float32)
perm = torch.randperm(len(df))
for start in range(0, len(df), 256):
    idx = perm[start:start + 256]
    loss = F.cross_entropy(net(x[idx]), y[idx])
""",
            line=10,
            col=41,
            message="F.cross_entropy target holds class indices as floats; class indices must be int64",
            edit=("loss = F.cross_entropy(net(x[idx]), y[idx])", "loss = F.cross_entropy(net(x[idx]), y[idx].long())"),
            fix_title=_TO_LONG,
        ),
        # (round 31) sushant097/PyTorch-Hacks-and-Tips (realcode_heldout22): np.loadtxt reads float64 unless told,
        # and the class column kept as (N, 1) is certainly not the (N, 3) input's shape, so torch reads class indices
        Invalid(
            """
import numpy as np
import torch
import torch.nn as nn

table = np.loadtxt("wine.csv", delimiter=",", skiprows=1)
x = torch.from_numpy(table[:, 1:]).float()
y = torch.from_numpy(table[:, 0].reshape(-1, 1))
net = nn.Linear(13, 3)
loss = nn.CrossEntropyLoss()(net(x), y)  # expect: LG005 (its (N, 1) shape)
""",
            line=9,
            col=38,
            message="CrossEntropyLoss target holds class indices as floats; class indices must be int64",
            edit=(
                "loss = nn.CrossEntropyLoss()(net(x), y)  # expect: LG005 (its (N, 1) shape)",
                "loss = nn.CrossEntropyLoss()(net(x), y.long())  # expect: LG005 (its (N, 1) shape)",
            ),
            fix_title=_TO_LONG,
        ),
    )
