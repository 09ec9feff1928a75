"""LG007 nll-without-log-softmax: NLLLoss input is not log-probabilities."""

from __future__ import annotations

from lossguard.static.events import LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.rule import Rule
from lossguard.static.rules._common import report_not_log_probs

# a model chosen by a setting among two of the checked code, trained with one criterion in a
# function of its own (FedAvg, realcode_heldout3)
_MODEL_BY_SETTING = """
import copy

import torch.nn as nn
import torch.nn.functional as F


class Conv(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        return F.log_softmax(self.fc(x), dim=1)


class Dense(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        return {dense}


def local_update(model, loader):
    criterion = nn.NLLLoss()
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.backward()


if {test}:
    net = Conv()
else:
    net = Dense()
local_update(copy.deepcopy(net), loader)
"""


# a head built from a configuration's keywords (`**cfg`): every parameter the mapping may give is unknown,
# and __init__ runs with it (interp.mapping_args; awesome-modular-pytorch-lightning, realcode_heldout13)
_HEAD_FROM_CONFIG = """
import torch.nn as nn
import torch.nn.functional as F


class Head(nn.Module):
    def __init__(self, width, n_classes, probabilities=False{more}):
        super().__init__()
        self.fc = nn.Linear(width, n_classes)
        self.probabilities = probabilities

    def forward(self, x):
        x = self.fc(x)
        if self.probabilities:
            return {prob}
        return {score}


def build(cfg):
    return Head(cfg["width"], **cfg["head"])


model = build(cfg)
for x, y in loader:
    loss = nn.NLLLoss()(model(x), y)
    loss.backward()
"""


# the same choice, each model called the way its forward wants under the same test, the loss of the
# reshaped output after that `if` (pytorch/examples' word language model, pull request #732)
_CALLED_UNDER_SETTING = """
import torch.nn as nn
import torch.nn.functional as F


class Conv(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        return F.log_softmax(self.fc(x), dim=-1)


class Recurrent(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.GRU(64, 64)
        self.fc = nn.Linear(64, 10)

    def forward(self, x, hidden):
        out, hidden = self.rnn(x, hidden)
        return {recurrent}, hidden


if args.model == "conv":
    net = Conv()
else:
    net = Recurrent()
criterion = nn.NLLLoss()


def train(hidden):
    for x, y in loader:
        if {test}:
            out = net(x)
        else:
            out, hidden = net(x, hidden)
        loss = criterion(out.view(-1, 10), y)
        loss.backward()
"""


# one flag picks the model's head and the loss (muhanzhang/IGMC, round 21): a call that writes
# regression=True never takes the nll_loss branch; through a name it decides nothing
_FLAG_PICKS_HEAD = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class GNN(nn.Module):
    def __init__(self, hidden=32, regression=False):
        super().__init__()
        self.regression = regression
        self.lin1 = nn.Linear(16, hidden)
        if self.regression:
            self.lin2 = nn.Linear(hidden, 1)
        else:
            self.lin2 = nn.Linear(hidden, 5)

    def forward(self, x):
        x = F.relu(self.lin1(x))
        x = self.lin2(x)
        if self.regression:
            return x[:, 0]
        else:
            return F.log_softmax(x, dim=-1)


def train(model, optimizer, loader, regression=False):
    model.train()
    for x, y in loader:
        optimizer.zero_grad()
        out = model(x)
        if regression:
            loss = F.mse_loss(out, y)
        else:
            loss = F.nll_loss(out, y)
        loss.backward()
        optimizer.step()


def run(model, optimizer, loader, epochs):
    for epoch in range(epochs):
        train(model, optimizer, loader, regression=True)


def main():
    model = GNN(regression=True)
    optimizer = torch.optim.Adam(model.parameters())
    loader = [(torch.randn(4, 16), torch.randint(0, 5, (4,)))]
    run(model, optimizer, loader, 3)


if __name__ == "__main__":
    main()
"""


# a metric that scores what its collection is updated with by nll_loss (torchmetrics hands every
# collection.update(...) to each metric); the Lightning module updates it with {scores}
_NLL_METRIC = """
import torch
import torch.nn.functional as F
import pytorch_lightning as pl
from torchmetrics import Accuracy, Metric, MetricCollection


class NLLMetric(Metric):
    def __init__(self):
        super().__init__()
        self.add_state("total", default=torch.tensor(0.0), dist_reduce_fx="sum")

    def update(self, scores, target):
        self.total += F.nll_loss(scores, target, reduction="sum")

    def compute(self):
        return self.total


class Classifier(pl.LightningModule):
    def __init__(self, net, num_classes):
        super().__init__()
        self.net = net
        metrics = MetricCollection({"nll": NLLMetric(), "acc": Accuracy(task="multiclass", num_classes=num_classes)})
        self.val_metrics = metrics.clone(prefix="val_")

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self.net(x)
        self.val_metrics.update({scores}, y)
"""


# a network whose forward returns `{out}`, and a loss of its output
_NET = """
import torch.nn as nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(320, 10)

    def forward(self, x):
        return {out}

model = Net()
{loss}
"""

# the advice the examples expect in the message where the input is not log-probabilities (the rule writes it in on_loss_call)
_EXPECTS_LOG_PROBS = "it expects log-probabilities: apply log_softmax first, or use cross_entropy on the logits"


class NllWithoutLogSoftmax(Rule):
    code = "LG007"

    def on_loss_call(self, call: LossCall) -> None:
        report_not_log_probs(self, call, "nll", "log-probabilities: apply log_softmax first, or use cross_entropy on the logits")

    VALID = (
        # the configured head gives log-probabilities on every path
        _HEAD_FROM_CONFIG.format(more="", prob="F.log_softmax(x, dim=1)", score="F.log_softmax(x, dim=1)"),
        # __init__ takes **kwargs of its own and reads the setting from it: it runs (round 36,
        # interp.open_constructions), but what the mapping holds is not known, and its `.get` default is not taken for it
        _HEAD_FROM_CONFIG.format(more=", **kwargs", prob="F.log_softmax(x, dim=1)", score="x").replace(
            "self.probabilities = probabilities", 'self.probabilities = kwargs.get("log_probs", False)'
        ),
        # both models end in log_softmax; and a choice by a test that is no setting against a literal
        _MODEL_BY_SETTING.replace("{dense}", "F.log_softmax(self.fc(x), dim=1)").replace("{test}", 'args.model == "conv"'),
        _MODEL_BY_SETTING.replace("{dense}", "self.fc(x)").replace("{test}", "len(classes) > 2"),
        # both models end in log_softmax; a call-site test on another setting narrows nothing
        _CALLED_UNDER_SETTING.replace("{recurrent}", "F.log_softmax(self.fc(out), dim=-1)").replace("{test}", 'args.model == "conv"'),
        _CALLED_UNDER_SETTING.replace("{recurrent}", "self.fc(out)").replace("{test}", "args.fast"),
        # literal numbers none of which is above 0, and literal probabilities made log-probabilities
        """
import torch
import torch.nn.functional as F

log_probs = torch.tensor([[-0.105, -2.303], [-1.609, -0.223]])
probs = torch.tensor([[0.9, 0.1], [0.2, 0.8]])
target = torch.tensor([0, 1])
a = F.nll_loss(log_probs.view(2, 2), target)
b = F.nll_loss(probs.log(), target)
c = F.nll_loss(torch.log(probs), target)
d = F.nll_loss(-probs, target)
""",
        _NET.format(out="F.log_softmax(self.fc(x), dim=1)", loss="loss = F.nll_loss(model(data), target)"),
        """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(128, 10)

    def forward(self, x):
        if self.training:
            return F.log_softmax(self.fc(x), dim=1)
        return F.softmax(self.fc(x), dim=1)  # probabilities for evaluation only


# the paths disagree (log-probabilities in training): not a finding on every path
loss = nn.NLLLoss()(Net()(x), y)
""",
        # the head a list of hidden blocks ends in is log-softmax: what NLLLoss expects
        """
import operator
from functools import reduce
import torch.nn as nn

sizes = [20, 200, 200, 5]
layers = reduce(operator.add, [[nn.Linear(a, b), nn.ReLU()] for a, b in zip(sizes[:-2], sizes[1:-1])])
layers += [nn.Linear(sizes[-2], sizes[-1]), nn.LogSoftmax(dim=1)]
model = nn.Sequential(*layers)
loss = nn.NLLLoss()(model(x), y)
""",
        # one flag picks the model's head and the loss (muhanzhang/IGMC): the raw regression output
        # goes to mse_loss; nll_loss is under `if regression:`'s else, which this call never takes
        _FLAG_PICKS_HEAD,
        # the list is changed in place before nn.Sequential(*layers): its known items are stale, silent
        """
import torch.nn as nn

layers = [nn.Linear(20, 5), nn.Softmax(dim=1)]
layers[-1] = nn.LogSoftmax(dim=1)
model = nn.Sequential(*layers)
loss = nn.NLLLoss()(model(x), y)
""",
        # the collection updated with log-probabilities: what nll_loss expects
        _NLL_METRIC.replace("{scores}", "F.log_softmax(logits, dim=-1)"),
    )
    INVALID = (
        Invalid(
            catalog_example("LG007"),
            line=6,
            col=19,
            message=_EXPECTS_LOG_PROBS,
        ),
        Invalid(
            """
import torch
import torch.nn.functional as F

def step(head_logits, y):
    mean_prob = F.softmax(head_logits, dim=-1).mean(dim=0)   # an average of distributions: probabilities
    return F.nll_loss(mean_prob, y)
""",
            line=6,
            col=23,
            message=_EXPECTS_LOG_PROBS,
        ),
        Invalid(
            _NET.format(out="self.fc(x)", loss="output = model(data)\nloss = F.nll_loss(output, target)"),
            line=14,
            col=19,
            message=_EXPECTS_LOG_PROBS,
        ),
        Invalid(
            """
import torch
import torch.nn as nn

criterion = nn.NLLLoss()
probs = torch.softmax(model(x), dim=1)
loss = criterion(probs, y)
""",
            line=6,
            col=18,
            message=_EXPECTS_LOG_PROBS,
        ),
        Invalid(
            """
import operator
from functools import reduce
import torch.nn as nn

# realcode_dev3 (e2e-model-learning): hidden blocks the checker cannot list, a head it can
sizes = [20, 200, 200, 5]
layers = reduce(operator.add, [[nn.Linear(a, b), nn.ReLU()] for a, b in zip(sizes[:-2], sizes[1:-1])])
layers += [nn.Linear(sizes[-2], sizes[-1]), nn.Softmax(dim=1)]
model = nn.Sequential(*layers)
loss = nn.NLLLoss()(model(x), y)
""",
            line=10,
            col=21,
            message=_EXPECTS_LOG_PROBS,
        ),
        # one of the two models a setting chooses returns raw logits: reported with its condition
        Invalid(
            _MODEL_BY_SETTING.replace("{dense}", "self.fc(x)").replace("{test}", 'args.model == "conv"'),
            line=28,
            col=26,
            message="NLLLoss (when args.model != 'conv') receives raw logits",
        ),
        # the configured head gives probabilities or raw scores, never log-probabilities
        Invalid(
            _HEAD_FROM_CONFIG.format(more="", prob="F.softmax(x, dim=1)", score="x"),
            line=24,
            col=25,
            message="NLLLoss receives raw logits or softmax probabilities, whichever path it takes",
        ),
        # the same with **kwargs of its own (round 36): __init__ runs with the mapping unknown, and neither path is right
        Invalid(
            _HEAD_FROM_CONFIG.format(more=", **kwargs", prob="F.softmax(x, dim=1)", score="x"),
            line=24,
            col=25,
            message="NLLLoss receives raw logits or softmax probabilities, whichever path it takes",
        ),
        # a literal tensor with numbers above 0 (pytorch/pytorch#10033): no log-probability is above 0
        Invalid(
            """
import torch
import torch.nn.functional as F

probs = torch.tensor([[0.9, 0.1]])
target = torch.tensor([0])
loss = F.nll_loss(probs.to("cpu"), target)
""",
            line=6,
            col=19,
            message="F.nll_loss receives a tensor written with numbers above 0; it expects log-probabilities",
        ),
        # each model called under the test that chose it: the recurrent one's logits reach the loss
        Invalid(
            _CALLED_UNDER_SETTING.replace("{recurrent}", "self.fc(out)").replace("{test}", 'args.model == "conv"'),
            line=38,
            col=26,
            message="NLLLoss (when args.model != 'conv') receives raw logits",
        ),
        Invalid(
            _FLAG_PICKS_HEAD.replace(
                "def run(model, optimizer, loader, epochs):\n    for epoch in range(epochs):\n        train(model, optimizer, loader, regression=True)",
                "def run(model, optimizer, loader, epochs, regression=False):\n    for epoch in range(epochs):\n        train(model, optimizer, loader, regression=regression)",
            ),
            line=33,
            col=31,
            message="F.nll_loss receives raw logits (nn.Linear layer at line 18)",
        ),
        # softmax probabilities updated into a metric collection reach the metric's nll_loss
        Invalid(
            _NLL_METRIC.replace("{scores}", "F.softmax(logits, dim=-1)"),
            line=13,
            col=34,
            message="F.nll_loss receives softmax probabilities (F.softmax at line 29) (passed in by the call at",
        ),
    )
