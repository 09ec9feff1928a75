"""LG003 double-sigmoid: sigmoid output reaches BCEWithLogitsLoss (or MultiLabelSoftMarginLoss)."""

from __future__ import annotations

from lossguard.static.events import LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.rule import Rule
from lossguard.static.rules._common import input_with_act, received, remove_activation
from lossguard.static.torch_api import SIGMOID_INSIDE_FAMILIES
from lossguard.static.values import Act

# a network chosen by a setting among two of the checked code, the criterion by its number of
# classes (avBuffer/UNet3plus_pth, realcode_heldout4)
_NET_BY_SETTING = """
import torch
import torch.nn as nn


class Plain(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.n_classes = n_classes
        self.head = nn.Conv2d(64, n_classes, 1)

    def forward(self, x):
        return self.head(x)


class Nested(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.n_classes = n_classes
        self.head = nn.Conv2d(64, n_classes, 1)

    def forward(self, x):
        return torch.sigmoid(self.head(x))


def train(net, loader):
    if net.n_classes > 1:
        criterion = nn.CrossEntropyLoss()
    else:
        criterion = nn.BCEWithLogitsLoss()
    for x, y in loader:
        loss = criterion(net(x), y)
        loss.backward()


if args.arch == "nested":
    net = Nested(n_classes={n})
else:
    net = Plain(n_classes={n})
train(net, loader)
"""


# a criterion built by a factory whose flag the trainer writes as a literal: {flag}
_FACTORY = """
import torch
import torch.nn as nn
from segmentation_models_pytorch.losses import DiceLoss


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc(x))


def get_loss_function(with_logits=False):
    if with_logits:
        return nn.BCEWithLogitsLoss()
    return DiceLoss()


def train(loader):
    model = Net()
    criterion = get_loss_function(with_logits={flag})
    optimizer = torch.optim.Adam(model.parameters())
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
"""


class DoubleSigmoid(Rule):
    code = "LG003"

    def on_loss_call(self, call: LossCall) -> None:
        found = input_with_act(call, call.family, Act.SIGMOID, Act.PROBS, Act.SIGMOID_DIFFS) if call.family in SIGMOID_INSIDE_FAMILIES else None
        if found is None:
            return
        arg, value = found
        fix = remove_activation(call, arg, value, "sigmoid") if value.act is Act.SIGMOID else None
        self.report(
            arg.node,
            call.ctx,
            f"{received(call, arg, value)}; it applies the sigmoid itself, so pass the raw logits",
            fix,
        )

    VALID = (
        # a relativistic GAN whose discriminator ends in a Linear layer: differences of logits are logits
        """
import torch
import torch.nn as nn

netD = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
adversarial = nn.BCEWithLogitsLoss()
real_out, fake_out = netD(real), netD(fake)
loss = adversarial(real_out - torch.mean(fake_out), ones)
""",
        # the logits go to the loss; the sigmoid only makes the predictions
        """
import torch
import torch.nn as nn

criterion = nn.MultiLabelSoftMarginLoss()
logits = model(x)
loss = criterion(logits, tags)
predicted = torch.sigmoid(logits) > 0.5
""",
        # three classes: the criterion is CrossEntropyLoss, no logits loss; the nested network's sigmoid reaching it is
        # LG001's (round 34)
        _NET_BY_SETTING.replace("{n}", "3").replace("loss = criterion(net(x), y)", "loss = criterion(net(x), y)  # expect: LG001"),
        """
import torch.nn as nn
from ignite.engine import create_supervised_trainer

model = nn.Sequential(nn.Linear(16, 1), nn.Sigmoid())
# model_transform changes what reaches the loss: not followed
trainer = create_supervised_trainer(model, optimizer, nn.BCEWithLogitsLoss(), model_transform=lambda out: out.logit())
# binary_cross_entropy takes probabilities: the right pairing
bce = create_supervised_trainer(model, optimizer, nn.BCELoss())
# a class where ignite calls an instance (it would build a loss from the batch): not followed
wrong = create_supervised_trainer(model, optimizer, nn.BCEWithLogitsLoss)
""",
        """
import torch
import torch.nn as nn

criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0]))
logits = model(x)
loss = criterion(logits, y.float())
preds = (torch.sigmoid(logits) > 0.5).long()
""",
        """
import torch
import torch.nn.functional as F

def train_step(model, x, y, use_probs: bool):
    out = model(x)
    if use_probs:
        out = torch.sigmoid(out)
    # out is a sigmoid output on one path only: too uncertain to report
    return F.binary_cross_entropy_with_logits(out, y)
""",
        # a subclass of BCEWithLogitsLoss that only reshapes the raw scores before its parent's forward
        """
import torch.nn as nn

class SqueezedBCEWithLogits(nn.BCEWithLogitsLoss):
    def forward(self, input, target):
        return super().forward(input.squeeze(-1), target.float())

criterion = SqueezedBCEWithLogits()
loss = criterion(model(x), y)
""",
        # the factory's flag picks a loss of another library: its loss call is not read
        _FACTORY.replace("{flag}", "False"),
    )
    INVALID = (
        Invalid(
            catalog_example("LG003"),
            line=5,
            col=43,
            message="F.binary_cross_entropy_with_logits receives sigmoid probabilities",
        ),
        # the same with a discriminator ending in nn.Sigmoid (Lornatang/RFB_ESRGAN-PyTorch before 32d44c5e, realcode_heldout20):
        # a difference of two probabilities lies in [-1, 1], no logit
        Invalid(
            """
import torch
import torch.nn as nn

netD = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1), nn.Sigmoid())
adversarial = nn.BCEWithLogitsLoss()
real_out, fake_out = netD(real), netD(fake)
loss = adversarial(real_out - torch.mean(fake_out), ones)
""",
            line=7,
            col=20,
            message="BCEWithLogitsLoss receives differences of sigmoid probabilities (nn.Sigmoid layer at line 4)",
        ),
        # MultiLabelSoftMarginLoss is the binary cross-entropy on logits, averaged over the classes
        Invalid(
            """
import torch
import torch.nn as nn


class Tagger(nn.Module):
    def __init__(self, n_tags):
        super().__init__()
        self.head = nn.Linear(256, n_tags)

    def forward(self, x):
        return torch.sigmoid(self.head(x))


model = Tagger(20)
criterion = nn.MultiLabelSoftMarginLoss()
for x, tags in loader:
    loss = criterion(model(x), tags)
    loss.backward()
""",
            line=17,
            col=22,
            message="MultiLabelSoftMarginLoss receives sigmoid probabilities",
        ),
        Invalid(
            """
import torch.nn.functional as F

loss = F.multilabel_soft_margin_loss(F.softmax(model(x), dim=1), y)
""",
            line=3,
            col=38,
            message="F.multilabel_soft_margin_loss receives softmax probabilities",
        ),
        Invalid(
            """
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.out = nn.Linear(128, 5)

    def forward(self, x):
        return torch.sigmoid(self.out(x))

net = Net()
criterion = nn.BCEWithLogitsLoss()
loss = criterion(net(batch), labels)
""",
            line=14,
            col=18,
            message="it applies the sigmoid itself, so pass the raw logits",
        ),
        Invalid(
            """
import torch.nn.functional as F

probs = logits.sigmoid()
loss = F.binary_cross_entropy_with_logits(probs, targets)
""",
            line=4,
            col=43,
            message="F.binary_cross_entropy_with_logits receives sigmoid probabilities",
        ),
        Invalid(
            """
import torch
import torch.nn.functional as F

logits = model(x)
loss = F.binary_cross_entropy_with_logits(torch.sigmoid(logits), y)
""",
            line=5,
            col=43,
            message="receives sigmoid probabilities",
            edit=("loss = F.binary_cross_entropy_with_logits(torch.sigmoid(logits), y)", "loss = F.binary_cross_entropy_with_logits(logits, y)"),
            fix_title="Remove the sigmoid: pass the logits",
        ),
        Invalid(
            """
import torch.nn as nn
from ignite.engine import create_supervised_trainer

model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 1), nn.Sigmoid())
optimizer = torch.optim.Adam(model.parameters())
# ignite computes loss_fn(model(x), y) itself
trainer = create_supervised_trainer(model, optimizer, nn.BCEWithLogitsLoss())
""",
            line=7,
            col=37,
            message="BCEWithLogitsLoss receives sigmoid probabilities (nn.Sigmoid layer at line 4)",
        ),
        # one class: BCEWithLogitsLoss, and the network chosen by `args.arch == "nested"` ends in a sigmoid
        Invalid(
            _NET_BY_SETTING.replace("{n}", "1"),
            line=31,
            col=26,
            message="BCEWithLogitsLoss (when args.arch == 'nested') receives sigmoid probabilities",
        ),
        # a subclass of BCEWithLogitsLoss hands its prepared input to the parent's forward: that is the loss call
        Invalid(
            """
import torch
import torch.nn as nn

class SqueezedBCEWithLogits(nn.BCEWithLogitsLoss):
    def forward(self, input, target):
        input = torch.sigmoid(input).squeeze(-1)
        return super().forward(input, target.float())
""",
            line=7,
            col=32,
            message="BCEWithLogitsLoss receives sigmoid probabilities (sigmoid at line 6)",
        ),
        # the flag written as a literal decides what the factory returns: its other return is never this call's
        Invalid(
            _FACTORY.replace("{flag}", "True"),
            line=27,
            col=26,
            message="BCEWithLogitsLoss receives sigmoid probabilities (sigmoid at line 12)",
        ),
    )
