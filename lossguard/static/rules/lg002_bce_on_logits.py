"""LG002 bce-on-logits: unbounded values reach BCELoss."""

from __future__ import annotations

from lossguard.static.events import LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.fix import Fix
from lossguard.static.rule import Rule
from lossguard.static.rules._common import input_with_act, received, to_bce_with_logits
from lossguard.static.values import Act


def _fix(call: LossCall) -> Fix | None:
    """``F.binary_cross_entropy(logits, y)`` -> ``F.binary_cross_entropy_with_logits(logits, y)``.

    Only the functional form, where the call itself is all the intent there is; a BCELoss
    module may be used elsewhere with probabilities."""
    rename = to_bce_with_logits(call)
    return Fix("Use binary_cross_entropy_with_logits", (rename,), "unsafe") if rename is not None else None


class BceOnLogits(Rule):
    code = "LG002"

    def on_loss_call(self, call: LossCall) -> None:
        found = input_with_act(call, "bce", Act.LOGITS)
        if found is None:
            return
        arg, value = found
        self.report(
            arg.node,
            call.ctx,
            f"{received(call, arg, value)} with no sigmoid; it needs probabilities in [0, 1]: use BCEWithLogitsLoss on the logits",
            _fix(call),
        )

    VALID = (
        """
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc(x))

model = Net()
criterion = nn.BCELoss()
loss = criterion(model(x).squeeze(1), y)
""",
        """
import torch.nn as nn

head = nn.Linear(64, 1)
criterion = nn.BCEWithLogitsLoss()
loss = criterion(head(features), targets)
""",
        """
import torch.nn.functional as F

def loss_fn(pred, target):
    # pred comes from somewhere lossguard cannot see
    return F.binary_cross_entropy(pred, target)
""",
        """
import torch
import torch.nn as nn
import torch.nn.functional as F

head = nn.Linear(64, 5)

def yolo_loss(features, target):
    # the sigmoid is stored into part of the raw output (YOLO box centres): no longer raw logits
    out = head(features)
    out[..., :2] = torch.sigmoid(out[..., :2])
    out[..., 4:].sigmoid_()
    return F.binary_cross_entropy(out[..., :2], target[..., :2]) + F.binary_cross_entropy(out[..., 4], target[..., 4])
""",
        """
import torch
import torch.nn as nn

D = nn.Sequential(nn.Linear(784, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1))
adversarial_loss = nn.BCEWithLogitsLoss()
# relativistic GAN: the difference of the scores goes to the loss that applies the sigmoid
d_real, d_fake = D(real_imgs), D(fake_imgs)
loss = adversarial_loss(d_real - torch.mean(d_fake), valid)
""",
        # a criterion chosen by a setting, called where the model's output is chosen by the same
        # setting: the paths meet with a sigmoid on one and raw scores on the other (not paired: silent)
        """
import torch
import torch.nn as nn

head = nn.Linear(64, 1)

def train(loader, args):
    if args.loss == "bce":
        criterion = nn.BCELoss()
    else:
        criterion = nn.MSELoss()
    for x, y in loader:
        out = head(x).squeeze(1)
        if args.loss == "bce":
            out = torch.sigmoid(out)
        loss = criterion(out, y)
""",
        # the BCE option is the one with logits
        """
import torch.nn as nn

head = nn.Linear(64, 1)

def train(loader, args):
    if args.loss == "bce":
        criterion = nn.BCEWithLogitsLoss()
    elif args.loss == "mse":
        criterion = nn.MSELoss()
    else:
        raise ValueError(args.loss)
    for x, y in loader:
        loss = criterion(head(x).squeeze(1), y)
""",
        # a test of the same setting that does not decide the option: which loss is meant is not known
        """
import torch.nn as nn

head = nn.Linear(64, 1)

def train(loader, args):
    if args.loss == "bce":
        criterion = nn.BCELoss()
    else:
        criterion = nn.MSELoss()
    for x, y in loader:
        if args.loss.startswith("m"):
            loss = criterion(head(x).squeeze(1), y)
""",
        """
import torch.nn as nn

classifier = nn.Sequential(nn.Linear(64, 1), nn.Sigmoid())
regressor = nn.Linear(64, 1)

def evaluate(loader, task):
    criterion = nn.BCELoss() if task == "classification" else nn.MSELoss()
    for x, y in loader:
        if task == "classification":
            loss = criterion(classifier(x).squeeze(1), y)
        else:
            loss = criterion(regressor(x).squeeze(1), y)  # the MSELoss side: raw scores are right
""",
        # the criterion is picked by a setting in __init__ and called in forward under a test of a
        # setting of the same name: the `else` never receives BCELoss (thoriumrobot/PTML's FastGTNs)
        """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.args = args
        self.linear = nn.Linear(64, 8)
        if args.dataset == "PPI":
            self.loss = nn.BCELoss()
        else:
            self.loss = nn.CrossEntropyLoss()

    def forward(self, x, target):
        y = self.linear(x)
        if self.args.dataset == "PPI":
            loss = F.binary_cross_entropy_with_logits(y, target)
        else:
            loss = self.loss(y, target.squeeze())
        return loss
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG002"),
            line=13,
            col=18,
            message="with no sigmoid; it needs probabilities in [0, 1]: use BCEWithLogitsLoss on the logits",
        ),
        Invalid(
            """
import torch.nn as nn

class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(784, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1))

    def forward(self, x):
        return self.net(x.view(x.size(0), -1))

D = Discriminator()
adversarial_loss = nn.BCELoss()
real_loss = adversarial_loss(D(real_imgs), valid)
""",
            line=13,
            col=30,
            message="with no sigmoid; it needs probabilities in [0, 1]: use BCEWithLogitsLoss on the logits",
        ),
        Invalid(
            """
import torch.nn as nn
import torch.nn.functional as F

class Head(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.classifier = nn.Linear(dim, 1)

    def forward(self, h):
        logits = self.classifier(h)
        return F.binary_cross_entropy(logits, self.labels)
""",
            line=11,
            col=39,
            message="with no sigmoid; it needs probabilities in [0, 1]: use BCEWithLogitsLoss on the logits",
            fixed="""
import torch.nn as nn
import torch.nn.functional as F

class Head(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.classifier = nn.Linear(dim, 1)

    def forward(self, h):
        logits = self.classifier(h)
        return F.binary_cross_entropy_with_logits(logits, self.labels)
""",
            fix_title="Use binary_cross_entropy_with_logits",
        ),
        Invalid(
            """
import torch.nn as nn
import torch.nn.functional as F

head = nn.Linear(64, 1)

def masked_loss(features, target, pad):
    logits = head(features).squeeze(1)
    logits[pad] = -1e4  # a number stored into raw logits leaves them raw logits
    return F.binary_cross_entropy(logits, target)
""",
            line=9,
            col=35,
            message="with no sigmoid; it needs probabilities in [0, 1]: use BCEWithLogitsLoss on the logits",
            fixed="""
import torch.nn as nn
import torch.nn.functional as F

head = nn.Linear(64, 1)

def masked_loss(features, target, pad):
    logits = head(features).squeeze(1)
    logits[pad] = -1e4  # a number stored into raw logits leaves them raw logits
    return F.binary_cross_entropy_with_logits(logits, target)
""",
            fix_title="Use binary_cross_entropy_with_logits",
        ),
        Invalid(
            """
import torch
import torch.nn as nn

D = nn.Sequential(nn.Linear(784, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1))
adversarial_loss = nn.BCELoss()
# relativistic GAN (ESRGAN-PyTorch@b3e1d1f6, issue #8): differences of unbounded scores are unbounded
d_real, d_fake = D(real_imgs), D(fake_imgs.detach())
d_loss = adversarial_loss(d_real - torch.mean(d_fake), valid)
""",
            line=8,
            col=27,
            message="with no sigmoid; it needs probabilities in [0, 1]: use BCEWithLogitsLoss on the logits",
        ),
        Invalid(
            """
import torch.nn as nn

head = nn.Linear(64, 1)

def evaluate(loader, task):
    # realcode_dev3 (bbbp-project): the BCELoss side of a criterion chosen by a setting is called
    # in the branch that tests the same setting, on the raw scores the training fed BCEWithLogitsLoss
    criterion = nn.BCELoss() if task == "classification" else nn.MSELoss()
    for x, y in loader:
        if task == "classification":
            loss = criterion(head(x).squeeze(1), y)
        else:
            loss = criterion(head(x).squeeze(1), y)
""",
            line=11,
            col=30,
            message="with no sigmoid; it needs probabilities in [0, 1]: use BCEWithLogitsLoss on the logits",
        ),
        # called where the setting is not tested again: with that setting, BCELoss gets the raw scores
        Invalid(
            """
import torch.nn as nn

head = nn.Linear(64, 1)

def evaluate(loader, task):
    criterion = nn.BCELoss() if task == "classification" else nn.MSELoss()
    for x, y in loader:
        loss = criterion(head(x).squeeze(1), y)
""",
            line=8,
            col=26,
            message="BCELoss (when task == 'classification') receives raw logits",
        ),
        # realcode_heldout10 (SKAPP): the criterion an `if`/`elif` on a documented option binds is
        # applied in another function, on a model's raw Linear score
        Invalid(
            """
import torch
import torch.nn as nn


class Scorer(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, 1)

    def forward(self, x):
        return self.fc(x).squeeze(1)


def run_epoch(model, loss_fn, optimizer, loader):
    for x, y in loader:
        loss = loss_fn(model(x), y.float())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(args, loader):
    model = Scorer(32)
    if args.loss == "BCE":
        loss_fn = nn.BCELoss()
    elif args.loss == "MSE":
        loss_fn = nn.MSELoss()
    else:
        raise ValueError(args.loss)
    optimizer = torch.optim.Adam(model.parameters())
    run_epoch(model, loss_fn, optimizer, loader)
""",
            line=16,
            col=24,
            message="BCELoss (when args.loss == 'BCE') receives raw logits",
        ),
        # ... the branch of the same setting where BCELoss is picked still receives raw scores
        Invalid(
            """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.args = args
        self.linear = nn.Linear(64, 8)
        if args.dataset == "PPI":
            self.loss = nn.BCELoss()
        else:
            self.loss = nn.CrossEntropyLoss()

    def forward(self, x, target):
        y = self.linear(x)
        if self.args.dataset == "PPI":
            loss = self.loss(y, target)
        else:
            loss = self.loss(y, target.squeeze())
        return loss
""",
            line=17,
            col=30,
            message="BCELoss (when args.dataset == 'PPI') receives raw logits",
        ),
    )
