"""LG005 shape-mismatch: prediction and target shapes that the loss broadcasts or rejects."""

from __future__ import annotations

from lossguard.static.events import LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.rule import Rule
from lossguard.static.rules._class_targets import class_target_conflict
from lossguard.static.rules._common import loss_label, tensor_arg
from lossguard.static.torch_api import BINARY_FAMILIES, CLASS_INDEX_FAMILIES, ELEMENTWISE_FAMILIES
from lossguard.static.values import VECTOR_LENGTH, Shape


def _is_one(d: object) -> bool:
    return d == 1


def _conflict(a: Shape, b: Shape) -> bool:
    """True when the two shapes certainly differ in a way broadcasting hides or torch rejects."""
    if a.rank_known and b.rank_known:
        if len(a.dims) != len(b.dims):
            # a trailing size-1 axis on one side only is the classic (N, 1) vs (N,) bug
            longer, shorter = (a, b) if len(a.dims) > len(b.dims) else (b, a)
            if not shorter.dims:
                return False
            if _inserted_axis(longer, shorter):
                return True
            return _is_one(longer.dims[-1]) or (
                isinstance(longer.dims[-1], int) and isinstance(shorter.dims[-1], int) and longer.dims[-1] != shorter.dims[-1]
            )
        return any(isinstance(x, int) and isinstance(y, int) and x != y for x, y in zip(a.dims, b.dims))
    # only trailing sizes known on at least one side
    if not a.dims or not b.dims:
        return False
    x, y = a.dims[-1], b.dims[-1]
    if isinstance(x, int) and isinstance(y, int):
        return x != y
    known = a if a.rank_known else b
    partial = b if known is a else a
    # (..., 1) against a rank-1 target of another size: broadcasts to (N, N) or (1,) vs (N,).
    # Two partial shapes say nothing of the ranks: (..., 1) against (..., k) is right when k is 1.
    return known.rank_known and (
        _is_one(partial.dims[-1])
        and len(known.dims) == 1
        and not _is_one(known.dims[0])
        or _column_against_rows(known, partial)
        or _vector_against_its_rows(known, partial)
    )


def _column_against_rows(column: Shape, rows: Shape) -> bool:
    """An ``(N, 1)`` column against a shape whose rank is not known but whose last axis is the length of a vector the
    other side broadcast with (``values.VECTOR_LENGTH``, presumed above 1; round 37, a DQN's gathered ``(N, 1)``
    Q-values against a TD target that broadcasts the ``(N,)`` maximum of the next states with rewards of unknown
    shape): whatever the other axes, each prediction meets every item of that last axis. A literal size other than 1
    is decided with the other literals; a last size not known (a linear layer of unknown width) may be 1, and so may a
    size named by a variable (round 38: athishr88/pytorch_practice's ``nn.Linear(n_features, n_features)`` regression,
    ``n_features`` read from the data's shape, against its ``(N, 1)`` targets: a column target says the width is 1)."""
    return len(column.dims) >= 2 and _is_one(column.dims[-1]) and not _is_one(column.dims[-2]) and rows.dims[-1] == VECTOR_LENGTH


def _vector_against_its_rows(vector: Shape, rows: Shape) -> bool:
    """An ``(N,)`` vector against a shape whose rank is not known, of at least two axes, the one before the last the
    same size ``N`` (the same literal above 1, or the same name; round 37, a DQN's squeezed ``(B,)`` Q-values against
    ``r + gamma * max_q_next`` of a buffer's ``(B, 1)`` columns times a discount of unknown kind, ``(..., B, ?)``): the
    vector lies along the last axis and repeats down the ``N`` rows, so each of its items meets every row. A vector
    whose length is not the rows' (one target vector for every row, ``(D,)`` against ``(..., N, D)``) is not reported."""
    if len(vector.dims) != 1 or len(rows.dims) < 2:
        return False
    n, m = vector.dims[0], rows.dims[-2]
    return n == m and (isinstance(n, str) or isinstance(n, int) and n != 1) and rows.dims[-1] != n


def _scalar_against_batch(a: Shape, b: Shape) -> bool:
    """A 0-dim side against a side of one axis or more (``out.squeeze()`` of a batch of one, shape
    ``()``, against its ``(1,)`` labels): element-wise losses broadcast it, BCE losses raise on it
    ("Using a target size ... that is different to the input size"). Only where both ranks are known."""
    return a.rank_known and b.rank_known and (not a.dims) != (not b.dims)


def _inserted_axis(longer: Shape, shorter: Shape) -> bool:
    """``longer`` is ``shorter`` with one axis of size 1 inserted after the first (a generator's
    ``mel.unsqueeze(1)``, ``(N, 1, T, 80)`` against the ``(N, T, 80)`` batch): broadcasting pairs the
    1 with the shorter's axis before it, so every sample meets every other. Not for a leading 1,
    which broadcasting adds anyway; only where the other sizes agree wherever both are known."""
    if len(longer.dims) != len(shorter.dims) + 1:
        return False
    for i in range(1, len(longer.dims)):
        if not _is_one(longer.dims[i]) or _is_one(shorter.dims[i - 1]):
            continue
        rest = longer.dims[:i] + longer.dims[i + 1 :]
        if all(x is None or y is None or x == y for x, y in zip(rest, shorter.dims)):
            return True
    return False


def _same_numbers(a: Shape, b: Shape) -> bool:
    """One shape is the other with leading axes of size 1 (``(1, 1)`` against ``(1,)``): every
    pair broadcasting forms is a pair of corresponding numbers, so an element-wise loss is right
    (BCE losses still raise on any difference in size)."""
    if not (a.rank_known and b.rank_known) or len(a.dims) == len(b.dims):
        return False
    longer, shorter = (a, b) if len(a.dims) > len(b.dims) else (b, a)
    extra = len(longer.dims) - len(shorter.dims)
    return all(d == 1 for d in longer.dims[:extra]) and longer.dims[extra:] == shorter.dims and all(isinstance(d, int) for d in shorter.dims)


# FernandoLpz/Text-Classification-LSTMs-PyTorch (realcode_heldout11): a pandas column split by scikit-learn,
# paired with token arrays the checker cannot read, batched by a DataLoader
_PAIRS = """
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset

class Pairs(Dataset):
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]

df = pd.read_csv("tweets.csv")
x_train, x_test, y_train, y_test = train_test_split(tokenize(df["text"]), {labels})
head = nn.Sequential(nn.Linear(64, 1), nn.Sigmoid())
for x, y in DataLoader(Pairs(x_train, y_train), batch_size=64):
    loss = F.binary_cross_entropy(head(x), y.float())
"""


_FRAMES = """
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset


class Frames(Dataset):
    def __len__(self):
        return 100

    def __getitem__(self, i):
        return torch.randn(128, 80), torch.randn(256)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(80, 80)

    def forward(self, x):
        return {out}


loader = DataLoader(Frames(), batch_size=4)
for step in range(1000):
    {draw}
    loss = F.mse_loss(Generator()(x), x)
    loss.backward()
"""

#: the batch drawn by hand: once per step from a fresh iterator, or from one re-made when it runs out
_DRAWS = (
    "x, speaker = next(iter(loader))",
    "try:\n        x, speaker = next(frames)\n    except StopIteration:\n        frames = iter(loader)\n        x, speaker = next(frames)",
)


# a regression head's (N, 1) output against (N,) scores, with the code's own check of the shapes before
# the loss (interp.asserts): past `assert pred.shape == target.shape` the two have one shape
_ASSERTED = """
import torch
import torch.nn as nn
import torch.nn.functional as F

head = nn.Linear(32, 1)
for feats, scores in loader:
    pred = head(feats.view(-1, 32))
    target = torch.stack([s for s in scores]).float().view(-1)
    assert {check}
    loss = F.mse_loss(pred, target)
    loss.backward()
"""


# PacktPublishing/Hands-On-Natural-Language-Processing-with-PyTorch-1.x (realcode_heldout17): labels read into
# an array by a comprehension of one int per row, batches of one; squeeze() of the (1, 1) output is 0-dim
_BATCH_OF_ONE = """
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

labels = np.array([int(v) for v in column])
feats = torch.Tensor(np.random.rand(100, 8))
loader = DataLoader(TensorDataset(feats, torch.from_numpy(labels)), batch_size={size})
head = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())
for x, y in loader:
    loss = {loss}(head(x).{squeeze}, y.float())
"""


def _class_index_hint(si: Shape, st: Shape) -> str:
    """How to get class indices from the target: a column of them (``(N, 1)``) is squeezed; rows as wide as the input's
    class axis, in integers, are one-hot rows (round 34, a Q&A page's one-hot target), whose index is their argmax."""
    if si.rank_known and st.rank_known and len(st.dims) == len(si.dims) == 2 and st.dims[1] == si.dims[1] and st.dims[1] not in (1, None):
        return "one-hot rows give their class index with target.argmax(dim=1)"
    return "use target.squeeze(1) or target.view(-1)"


class ShapeMismatch(Rule):
    code = "LG005"

    def on_loss_call(self, call: LossCall) -> None:
        inp = tensor_arg(call, "input")
        tgt = tensor_arg(call, "target")
        if inp is None or tgt is None or inp[1].shape is None or tgt[1].shape is None:
            return
        si, st = inp[1].shape, tgt[1].shape
        if call.family in ELEMENTWISE_FAMILIES:
            if call.family in BINARY_FAMILIES and _scalar_against_batch(si, st):
                self.report(
                    inp[0].node,
                    call.ctx,
                    f"{loss_label(call)} input shape {si.describe()} and target shape {st.describe()} differ; BCE losses raise "
                    "a ValueError when the sizes differ (a 0-dim side: squeeze() of a batch of one, or one sample's value). Make "
                    "both the same shape: squeeze(-1) or view(-1) on both sides",
                )
            elif _conflict(si, st) and call.family in BINARY_FAMILIES:
                # torch before 1.x warned and broadcast them (a wrong loss); today's raises on any size difference
                self.report(
                    inp[0].node,
                    call.ctx,
                    f"{loss_label(call)} input shape {si.describe()} and target shape {st.describe()} differ; BCE losses "
                    "raise a ValueError when the sizes differ (older torch broadcast them with a warning: a wrong loss). "
                    "Make both the same shape",
                )
            elif _conflict(si, st) and not (call.family == "elementwise" and _same_numbers(si, st)):
                self.report(
                    inp[0].node,
                    call.ctx,
                    f"{loss_label(call)} input shape {si.describe()} and target shape {st.describe()} differ; "
                    "they are broadcast against each other and the loss is wrong. Make both the same shape",
                )
            elif call.family in BINARY_FAMILIES and si.rank_known and st.rank_known and len(si.dims) != len(st.dims):
                # any other rank difference: BCE losses compare the sizes and raise (round 27: a DCGAN discriminator's
                # (N, 1, H', W') convolution map against (N,) labels, the map's sizes not followed)
                self.report(
                    inp[0].node,
                    call.ctx,
                    f"{loss_label(call)} input shape {si.describe()} and target shape {st.describe()} differ in rank; BCE losses "
                    "raise a ValueError when the sizes differ. Make both the same shape: view(-1) on a map of one value per "
                    "sample, or reshape the target to the input's shape",
                )
        elif call.family in CLASS_INDEX_FAMILIES:
            if class_target_conflict(si, st, tgt[1].dtype):
                self.report(
                    tgt[0].node,
                    call.ctx,
                    f"{loss_label(call)} target has shape {st.describe()} for an input of shape {si.describe()}; "
                    f"class indices must have shape (N,): {_class_index_hint(si, st)}",
                )

    VALID = (
        # DETR-style class targets built from a slice of the input's shape (simisimon/kaggle-notebooks' happy-whale
        # ConvMixer): `shape[:2]` is a shape of two dimensions, not one integer
        """
import torch
import torch.nn.functional as F


def loss_labels(outputs, num_classes):
    out_classes = outputs[..., 4:]
    tgt_classes = torch.full(out_classes.shape[:2], num_classes).long()
    return F.cross_entropy(out_classes.transpose(1, 2), tgt_classes)


loss_labels(torch.randn(2, 5, 9), 4)
""",
        # the code asserts the two shapes are one before the loss (whole shapes, `.shape` or `.size()`)
        _ASSERTED.replace("{check}", "pred.shape == target.shape"),
        _ASSERTED.replace("{check}", 'pred.size() == target.size(), "shape mismatch"'),
        # a test that the loss refuses mismatched shapes: the block of pytest.raises / assertRaises is
        # meant to fail, and its calls are not how the code uses the loss (open-mmlab/mmocr's tests)
        """
import pytest
import torch
import torch.nn.functional as F


def test_mismatched_shapes_are_refused():
    pred = torch.rand(4)
    target = torch.rand(3)
    with pytest.raises(ValueError):
        F.binary_cross_entropy(pred, target)
""",
        # the same frames with the batch's own shape, and with a leading axis of 1 (every pair is one
        # number and its own target)
        _FRAMES.replace("{out}", "self.fc(x)").replace("{draw}", _DRAWS[1]),
        _FRAMES.replace("{out}", "self.fc(x)").replace("{draw}", _DRAWS[0]).replace("Generator()(x), x", "Generator()(x)[None], x"),
        """
import torch
import torch.nn as nn

pred = torch.randn(32, 1)
target = torch.randn(32, 1)
loss = nn.MSELoss()(pred, target)
""",
        """
import torch.nn as nn

class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        return self.head(x).squeeze(-1)

model = Regressor()
loss = nn.MSELoss()(model(x), y.view(-1))
""",
        """
import torch
import torch.nn.functional as F

logits = torch.randn(8, 5)
target = torch.randint(0, 5, (8,))
loss = F.cross_entropy(logits, target)
""",
        """
import torch
import torch.nn.functional as F

# a batch of one kept 2-D: broadcasting pairs the one prediction with the one target
pred = torch.randn(1, 1)
target = torch.randn(1)
loss = F.mse_loss(pred, target)
""",
        """
import torch.nn as nn
import torch.nn.functional as F

def distill(h, n_out):
    student = nn.Linear(64, 1)
    teacher = nn.Linear(64, n_out)      # n_out may well be 1: the ranks of both are unknown
    return F.mse_loss(student(h), teacher(h).detach())
""",
        """
import torch
from torch.nn import Sequential as Seq, Linear as Lin

feats = torch.rand((1024, 3))
sums = feats[:, 0] + feats[:, 1] + feats[:, 2]
net = Seq(Lin(3, 1, bias=False))
# a 1-D weight: the layer now outputs (1024,), like the target
net[0].weight = torch.nn.Parameter(torch.tensor([0.0, 0.0, 0.0]))
mse = torch.nn.MSELoss()
for epoch in range(500):
    err = mse(net(feats), sums)
""",
        # df[["target"]] is a table of one column: (N, 1) labels, like the output
        _PAIRS.replace("{labels}", 'df[["target"]].values'),
        # batches of any other size: the last one may be smaller, and squeeze() of an unknown size says nothing
        _BATCH_OF_ONE.replace("{size}", "16").replace("{loss}", "nn.BCELoss()").replace("{squeeze}", "squeeze()"),
        # squeeze(-1) keeps the batch axis: (1,) against (1,)
        _BATCH_OF_ONE.replace("{size}", "1").replace("{loss}", "nn.BCELoss()").replace("{squeeze}", "squeeze(-1)"),
        # an element-wise loss pairs the one number with the one label: right
        _BATCH_OF_ONE.replace("{size}", "1").replace("{loss}", "nn.MSELoss()").replace("{squeeze}", "squeeze()"),
    )
    INVALID = (
        Invalid(
            catalog_example("LG005"),
            line=7,
            col=19,
            message="differ; they are broadcast against each other and the loss is wrong. Make both the same shape",
        ),
        Invalid(
            """
import torch
import torch.nn as nn

class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        return self.head(x)

model = Regressor()
criterion = nn.MSELoss()
for x, y in loader:
    pred = model(x)
    loss = criterion(pred, y.view(-1))
""",
            line=16,
            col=22,
            message="differ; they are broadcast against each other and the loss is wrong. Make both the same shape",
        ),
        Invalid(
            """
import torch
import torch.nn.functional as F

pred = torch.randn(16, 1)
target = torch.randn(16)
loss = F.l1_loss(pred, target)
""",
            line=6,
            col=18,
            message="differ; they are broadcast against each other and the loss is wrong. Make both the same shape",
        ),
        Invalid(
            """
import torch
import torch.nn as nn

logits = nn.Linear(128, 10)(features)
labels = torch.randint(0, 10, (32, 1))
loss = nn.CrossEntropyLoss()(logits, labels)
""",
            line=6,
            col=38,
            message="CrossEntropyLoss target has shape",
        ),
        Invalid(
            """
import torch
import torch.nn as nn

prob = torch.rand(1, 1)           # a batch of one kept 2-D
loss = nn.BCELoss()(prob, torch.ones(1))   # BCE losses raise on any difference in size
""",
            line=5,
            col=21,
            message="BCELoss input shape (1, 1) and target shape (1,) differ",
        ),
        Invalid(
            """
import torch
from torch.nn import Sequential as Seq, Linear as Lin

feats = torch.rand((1024, 3))
sums = feats[:, 0] + feats[:, 1] + feats[:, 2]
net = Seq(Lin(3, 1, bias=False))
# Stack Overflow 6496401: new numbers of the shape the layer has, (1, 3): still (1024, 1) out
net[0].weight = torch.nn.parameter.Parameter(torch.tensor([[0, 0, 0]], dtype=torch.float))
mse = torch.nn.MSELoss()
for epoch in range(500):
    err = mse(net(feats), sums)
""",
            line=11,
            col=15,
            message="MSELoss input shape (1024, 1) and target shape (1024,) differ",
        ),
        # yuji-roh/fairbatch (realcode_heldout10): tanh mapped into [0, 1] keeps the (N, 1) shape
        Invalid(
            """
import torch
import torch.nn as nn
import torch.nn.functional as F

logit = nn.Linear(3, 1)(torch.randn(100, 3))
ones = torch.ones(100)
loss = nn.BCELoss(reduction="none")((F.tanh(logit) + 1) / 2, ones)
""",
            line=7,
            col=37,
            message="BCELoss input shape (100, 1) and target shape (100,) differ",
        ),
        # Arctanxy/W-Net-PyTorch (realcode_heldout11): labels built as a list of one number per sample
        Invalid(
            """
import torch
import torch.nn as nn

fc = nn.Linear(16, 1)
for x in loader:
    real = torch.tensor([1 for _ in range(x.shape[0])]).float()
    loss = nn.BCEWithLogitsLoss()(fc(x.view(-1, 16)), real)
""",
            line=7,
            col=35,
            message="BCEWithLogitsLoss input shape (?, 1) and target shape (?,) differ",
        ),
        # FernandoLpz/Text-Classification-LSTMs-PyTorch (realcode_heldout11): a pandas column split by
        # scikit-learn, paired with token arrays the checker cannot read, batched by a DataLoader
        Invalid(
            _PAIRS.replace("{labels}", 'df["target"].values'),
            line=22,
            col=35,
            message="F.binary_cross_entropy input shape (..., 1) and target shape (?,) differ",
        ),
        # a generator's frames unsqueezed to (N, 1, T, 80) against the (N, T, 80) batch drawn with
        # `next(iter(loader))` (auspicious3000/autovc, realcode_heldout12)
        *(
            Invalid(
                _FRAMES.replace("{out}", "self.fc(x).unsqueeze(1)").replace("{draw}", draw),
                line=27 + draw.count("\n"),
                col=23,
                message="F.mse_loss input shape (?, 1, 128, 80) and target shape (?, 128, 80) differ",
            )
            for draw in _DRAWS
        ),
        # one sample row of a numpy sampler, centred by a number read out of it, squared by torch.pow and
        # concatenated: the (1, 1) decision against a (1,) target (devnag's GAN, realcode_dev4)
        Invalid(
            """
import numpy as np
import torch
import torch.nn as nn

sample = lambda n: torch.Tensor(np.random.normal(0.0, 1.0, (1, n)))
disc = nn.Sequential(nn.Linear(64, 1), nn.Sigmoid())
bce = nn.BCELoss()
for step in range(100):
    real = sample(32)
    centred = real - torch.mul(torch.ones(real.size()), real.mean().tolist())
    decision = disc(torch.cat([real, torch.pow(centred, 2)], 1))
    loss = bce(decision, torch.ones(1))
    loss.backward()
""",
            line=12,
            col=16,
            message="BCELoss input shape (1, 1) and target shape (1,) differ",
        ),
        # a batch of one squeezed to a 0-dim tensor against its (1,) labels: BCE raises (realcode_heldout17)
        Invalid(
            _BATCH_OF_ONE.replace("{size}", "1").replace("{loss}", "nn.BCELoss()").replace("{squeeze}", "squeeze()"),
            line=11,
            col=25,
            message="BCELoss input shape () and target shape (1,) differ; BCE losses raise a ValueError",
        ),
        # an assertion of the batch sizes alone says nothing of the other axes
        Invalid(
            _ASSERTED.replace("{check}", "pred.shape[0] == target.shape[0]"),
            line=10,
            col=23,
            message="F.mse_loss input shape (?, 1) and target shape (?,) differ",
        ),
    )
