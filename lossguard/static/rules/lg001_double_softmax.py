"""LG001 double-softmax: softmax output reaches CrossEntropyLoss."""

from __future__ import annotations

from lossguard.static.events import LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.rule import Rule
from lossguard.static.rules._common import input_with_act, received, remove_activation
from lossguard.static.values import Act, Tensor

# a layer picked by name through a helper that lowercases the name first (MetaRec's MAMO `activation_func`)
_NAMED_ACTIVATION = """
import torch.nn as nn


def activation(name):
    name = name.lower()
    if name == "relu":
        return nn.ReLU()
    elif name == "softmax":
        return nn.Softmax(dim=1)
    return nn.Identity()


model = nn.Sequential(nn.Linear(16, 4), activation("{act}"))
criterion = nn.CrossEntropyLoss()
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
"""


# quic/sense before eb5bdb35 (round 31): a classifier deriving from nn.Sequential whose own forward pools and returns
# super().forward(x), behind a wrapper that returns a list only for a list of converters
_POOLED_SEQUENTIAL_HEAD = """
import torch.nn as nn


class Pipe(nn.Module):
    def __init__(self, extractor, converter):
        super().__init__()
        self.extractor = extractor
        self.converter = converter

    def forward(self, x):
        feature = self.extractor(x)
        if isinstance(self.converter, list):
            return [convert(feature) for convert in self.converter]
        return self.converter(feature)


class LogisticRegression(nn.Sequential):
    def __init__(self, num_in, num_out):
        super().__init__(nn.Linear(num_in, num_out){head})

    def forward(self, x):
        x = x.mean(dim=-1).mean(dim=-1)
        return super().forward(x)


net = Pipe(backbone_tail, LogisticRegression(256, 10))
criterion = nn.CrossEntropyLoss()
for x, y in loader:
    loss = criterion(net(x), y)
    loss.backward()
"""

# a model whose constructor builds its head under a flag (khanhnamle1994/MetaRec's MAMO RecMAM: a classification head
# closed by a softmax, a regression head without one), made with the flag written as a literal
_FLAGGED_HEAD = """
import torch.nn as nn


class Scorer(nn.Module):
    def __init__(self, dim, n_classes, classification=True):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(dim, dim // 2), nn.ReLU())
        if classification:
            finals = [nn.Linear(dim // 2, n_classes), nn.Softmax(dim=1)]
        else:
            finals = [nn.Linear(dim // 2, n_classes)]
        self.head = nn.Sequential(*finals)

    def forward(self, x):
        return self.head(self.body(x))


model = Scorer(64, 5, {flag})
loss_fn = nn.CrossEntropyLoss()
for x, y in loader:
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
"""


# a criterion picked by a configured flag: a loss written by hand or nn.CrossEntropyLoss
_SMOOTHING_OR_CE = """
import torch.nn as nn
import torch.nn.functional as F


class LabelSmoothing(nn.Module):
    def forward(self, x, target):
        return -F.log_softmax(x, dim=-1).mean()


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


if conf.label_smoothing:
    criterion = LabelSmoothing()
else:
    criterion = nn.CrossEntropyLoss()
model = Head()
{call}
"""


# one two-way classifier head per channel, their outputs gathered into a tensor that starts empty
# (sorrel's channel-wise world model, before social-ai-uoft/sorrel#28)
_HEADS_FROM_EMPTY = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class ChannelHeads(nn.Module):
    def __init__(self):
        super().__init__()
        self.heads = nn.ModuleList([nn.Linear(16, 2 * 64) for _ in range(3)])

    def forward(self, x):
        b = x.size(0)
        preds = torch.tensor([], requires_grad=True)
        for head in self.heads:
            pred = {pred}
            preds = torch.cat((preds, pred.unsqueeze(-1)), dim=-1)
        return preds


model = ChannelHeads()
out = model(x).permute(0, 3, 2, 1).reshape(-1, 2)
loss = nn.CrossEntropyLoss()(out, y.long().reshape(-1))
"""


# a class body that defines `loss` twice: Python keeps the second definition (sorrel's two `state_loss`)
_MODE_WRAPPER = """
import torch.nn as nn
import torch.nn.functional as F


class Wrapper(nn.Module):
    def __init__(self, mode):
        super().__init__()
        self.mode = mode
        self.fc = nn.Linear(16, 5)

    def forward(self, x):
        if self.mode == "segment":
            scores = F.softmax(self.fc(x), dim=1)
        else:
            raise ValueError(self.mode)
        return {"scores": scores}


def compute_loss(mode, out, y):
    if mode == "{mode}":
        return F.cross_entropy(out["scores"], y)
    return F.mse_loss(out["scores"], y)


def train(cfg, loader):
    model = Wrapper(cfg.mode)
    for x, y in loader:
        loss = compute_loss(cfg.mode, model(x), y)
        loss.backward()
"""

_REDEFINED_METHOD = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        return self.fc(x)

    def loss(self, out, y):
        return {first}

    def loss(self, out, y, weight=None):
        return {second}


net = Net()
value = net.loss({arg}, y)
"""

# a GAN trainer class that passes values between its methods through `self` and calls them by names
# from a table (jolibrain/joliGEN's semantic-mask models before 2622650): `forward` stores the
# segmenter's log-probabilities, `compute_g_loss` gives `{sem}` to CrossEntropyLoss; `{more}` is
# another method of the class
_SEMANTIC_GAN = """
import torch.nn as nn
import torch.nn.functional as F


class SemanticGAN:
    def __init__(self, net_g, net_s):
        self.net_g = net_g
        self.net_s = net_s
        self.criterion_sem = nn.CrossEntropyLoss()

    def set_input(self, batch):
        self.real_a = batch["A"]
        self.label_a = batch["A_label"]

    def forward(self):
        self.fake_b = self.net_g(self.real_a)
        self.pred_fake_b = self.net_s(self.fake_b)
        self.pf_b = F.log_softmax(self.pred_fake_b, dim=1)
        self.pf_b_max = self.pf_b.argmax(dim=1)

    def compute_g_loss(self):
        self.loss_sem = self.criterion_sem({sem}, self.label_a)
{more}
    def optimize_parameters(self):
        for name in ("forward", "compute_g_loss"):
            getattr(self, name)()
        self.loss_sem.backward()
"""


# Two critics chosen by a setting, each keeping its own criteria; the ranking step reads the criterion
# only the ranking critic has, on the output only its forward (one argument) can give
# (interp.choice_attributes; the GAN book's InfoGAN in realcode_heldout13)
_CRITICS = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class PairCritic(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(64, 1)
        self.loss = nn.BCEWithLogitsLoss(){pair_more}

    def forward(self, x, y):
        return self.fc(torch.cat((x, y), 1))


class RankCritic(nn.Module):
    def __init__(self, n_ranks):
        super().__init__()
        self.fc = nn.Linear(32, 1)
        self.rank = nn.Linear(32, n_ranks)
        self.rank_loss = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.fc(x), F.softmax(self.rank(x), dim=1)


class Run:
    def __init__(self, kind, n_ranks):
        if kind == "pair":
            self.critic = PairCritic()
        else:
            self.critic = RankCritic(n_ranks)
        self.ranking = kind == "rank"

    def step(self, x, ranks):
        if self.ranking:
            _, probs = self.critic(x)
            loss = self.critic.rank_loss(probs, ranks)
            loss.backward()
"""


# a callback attaches a probe to the model it is handed in one hook and trains it in another
# (Lightning-AI/lightning-bolts' SSLOnlineEvaluator); {store} is where the probe is stored
_ONLINE_PROBE = """
import torch
from torch import nn
from torch.nn import functional as F
from pytorch_lightning import Callback


class Probe(nn.Module):
    def __init__(self, n_input, n_classes):
        super().__init__()
        self.block = nn.Sequential(nn.Linear(n_input, n_classes), nn.Softmax(dim=1))

    def forward(self, x):
        return self.block(x)


class OnlineProbe(Callback):
    def __init__(self, z_dim, num_classes):
        self.z_dim = z_dim
        self.num_classes = num_classes

    def on_fit_start(self, trainer, pl_module):
        {store}
        self.optimizer = torch.optim.Adam(pl_module.probe.parameters(), lr=1e-4)

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
        x, y = batch
        with torch.no_grad():
            features = pl_module(x).flatten(1)
        loss = F.cross_entropy(pl_module.probe(features), y)
        loss.backward()
        self.optimizer.step()
        self.optimizer.zero_grad()
"""


# a policy head that returns a Categorical distribution; the update scores it with {loss}
_DEFAULT_CRITERION = """
import torch.nn as nn
import torch.nn.functional as F


class MarginLoss(nn.Module):
    def __init__(self, n_classes, criterion=None):
        super().__init__()
        self.fc = nn.Linear(16, n_classes)
        self.criterion = criterion if criterion is not None else nn.CrossEntropyLoss()

    def forward(self, x, y):
        probs = F.softmax(self.fc(x), dim=1)
        return self.criterion(probs, y)
"""

_SKADA_NET = """
import torch.nn as nn
from skada.deep import DeepCoral


class Backbone(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.feature_layer = nn.Linear(16, 8)
        self.head = nn.Linear(8, n_classes)

    def forward(self, x, sample_weight=None):
        return nn.LogSoftmax(dim=1)(self.head(self.feature_layer(x)))


net = DeepCoral(Backbone(10), {args}max_epochs=5)
"""

_CATEGORICAL_POLICY = """
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical


class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = nn.Linear(64, 6)

    def forward(self, h):
        return Categorical(logits=F.log_softmax(self.head(h), dim=-1))


def update(policy, optimizer, states, actions):
    dist = policy(states)
    loss = {loss}
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


policy = Policy()
update(policy, torch.optim.Adam(policy.parameters()), torch.randn(8, 64), torch.randint(0, 6, (8,)))
"""


# JORLDY's ICM inverse model before #49: the constructor picks the criterion by the action type, and
# forward tests the same setting of self again before calling it (interp/guards.py)
# a criterion looked up by the name its caller gives (inferno's Trainer.build_criterion before
# 75406eb looks its criterion up in torch.nn by name): `getattr(nn, name)` is the class the string names
_BY_NAME = """
import torch
import torch.nn as nn


def build_criterion(name):
    criterion_class = getattr(nn, name, None)
    assert criterion_class is not None
    return criterion_class()


def train(loader, {name}):
    model = nn.Sequential(nn.Linear(8, 3), nn.Softmax(dim=1))
    criterion = build_criterion({name})
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for x, y in loader:
        opt.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        opt.step()
"""
_SAME_SETTING_TWICE = """
import torch
import torch.nn.functional as F


class InverseModel(torch.nn.Module):
    def __init__(self, d_in, d_out, action_type):
        super().__init__()
        self.action_type = action_type
        self.fc1 = torch.nn.Linear(2 * d_in, 256)
        self.fc2 = torch.nn.Linear(256, d_out)
        if self.action_type == "discrete":
            self.inverse_loss = torch.nn.CrossEntropyLoss()
        else:
            self.inverse_loss = torch.nn.MSELoss()

    def forward(self, s, s_next, a):
        x = F.relu(self.fc1(torch.cat((s, s_next), axis=1)))
        if self.action_type == "discrete":
            x = {discrete}
            return self.inverse_loss(x, a.view(-1).long())
        x = self.fc2(x)
        return self.inverse_loss(x, a)
"""


# a detection layer's class scores squashed by a sigmoid and then given to CrossEntropyLoss (eriklindernoren/PyTorch-YOLOv3
# before f30ab10d, its issue #108: "the class loss never reaches zero"); `{cls}` is what the class loss receives
_SIGMOID_CLASS_SCORES = """
import torch
import torch.nn as nn


class DetectionLayer(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.num_classes = num_classes
        self.bce_loss = nn.BCELoss()
        self.ce_loss = nn.CrossEntropyLoss()

    def forward(self, prediction, mask, tconf, tcls):
        pred_conf = torch.sigmoid(prediction[..., 4])
        pred_cls = {cls}
        loss_conf = self.bce_loss(pred_conf[mask], tconf[mask])  # expect: LG016
        loss_cls = self.ce_loss(pred_cls[mask], torch.argmax(tcls[mask], 1))
        return loss_conf + loss_cls
"""


# two models picked by a setting, told apart by the arguments each forward takes (vanzytay/pytorch_sentiment_rnn@de866ab):
# `{seq_softmax}` and `{seq_out}` make SeqModel's output logits or probabilities; each example adds its calls
_SEQ_OR_PAIR = """
import torch.nn as nn


class SeqModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 3){seq_softmax}

    def forward(self, tokens, hidden):
        return {seq_out}, hidden


class PairModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 3)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, left, right, left_hidden, right_hidden):
        return self.softmax(self.fc(left))

"""

# a sigmoid inside the network: a gate on the features before the classifier's Linear layer, or the network's last layer
_SIGMOID_GATE = """
import torch
import torch.nn as nn


class GatedClassifier(nn.Module):
    def __init__(self, dim, n_classes):
        super().__init__()
        self.gate = nn.Sequential(nn.Linear(dim, dim), nn.Sigmoid())
        self.fc = nn.Linear(dim, n_classes)

    def forward(self, x):
        {body}


model = GatedClassifier(64, 10)
criterion = nn.CrossEntropyLoss()
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
"""


# the five-class exercise of a course, written alike in many student repositories (the code index holds several): the
# activation and the loss kept as functions on the model, the loss computed in forward when labels are given; `{pred}`
# is what the loss receives
_ACTIVATION_ATTRIBUTE = """
import torch
import torch.nn as nn


class TorchModel(nn.Module):
    def __init__(self, input_size):
        super().__init__()
        self.linear = nn.Linear(input_size, 5)
        self.activation = torch.sigmoid
        self.loss = nn.functional.cross_entropy

    def forward(self, x, y=None):
        x = self.linear(x)
        if y is not None:
            return self.loss({pred}, y)
        return self.activation(x)


model = TorchModel(5)
optim = torch.optim.Adam(model.parameters(), lr=1e-3)
for x, y in loader:
    loss = model(x, y)
    loss.backward()
    optim.step()
    optim.zero_grad()
"""

# what the fix removes, by the activation the input holds
_REMOVED = {Act.PROBS: "softmax", Act.LOG_PROBS: "log_softmax", Act.SIGMOID: "sigmoid"}


def _binary_sigmoid_head(value: Tensor) -> bool:
    """A sigmoid output of one score per sample (``nn.Linear(h, 1)`` then a sigmoid; its last axis known to be 1): a
    binary head made for BCELoss. CrossEntropyLoss over one class is 0 whatever the score, so a call that gives it one
    sits on a path written for another head (tllib's DANN: `if self.sigmoid:` BCE, else cross_entropy of a two-way
    Linear discriminator), and is left alone."""
    if Act.SIGMOID not in (value.act, *value.acts):
        return False
    return value.shape is not None and bool(value.shape.dims) and value.shape.dims[-1] == 1


# expected message fragments that several examples share
_CE_PROBS = "CrossEntropyLoss receives softmax probabilities"
_F_CE_PROBS = "F.cross_entropy receives softmax probabilities"


class DoubleSoftmax(Rule):
    code = "LG001"

    def on_loss_call(self, call: LossCall) -> None:
        # the worst case first: a path of sigmoid or softmax output makes the finding an error
        found = input_with_act(call, "ce", Act.PROBS, Act.SIGMOID, Act.LOG_PROBS)
        if found is None:
            return
        arg, value = found
        if _binary_sigmoid_head(value):
            return
        redundant = value.act is Act.LOG_PROBS
        fix = remove_activation(call, arg, value, _REMOVED[value.act] if value.act is not None else "softmax")
        message = received(call, arg, value)
        if redundant:
            # log_softmax is idempotent: the loss and its gradients are the same; only the work is wasted
            message += "; it applies log-softmax itself, so the log_softmax is redundant (same loss and gradients): pass the raw logits"
            self.report(arg.node, call.ctx, message, fix, severity="info")
            return
        if value.act is Act.SIGMOID and len(value.acts) <= 1:
            # scores squashed into (0, 1) before the loss's own log-softmax: the loss cannot fall below log(1 + (C-1)/e)
            message += "; it applies log-softmax itself, so the sigmoid squashes the scores twice and the loss cannot approach 0: pass the raw logits"
            self.report(arg.node, call.ctx, message, fix)
            return
        self.report(arg.node, call.ctx, f"{message}; it applies log-softmax itself, so pass the raw logits", fix)

    VALID = (
        # the fixed detection layer: the class scores reach CrossEntropyLoss as they are (the objectness keeps its sigmoid)
        _SIGMOID_CLASS_SCORES.replace("{cls}", "prediction[..., 5:]"),
        # a sigmoid gate on the features before the classifier's Linear layer: the loss receives the Linear's logits
        _SIGMOID_GATE.replace("{body}", "return self.fc(x * self.gate(x))"),
        # sigmoid scores into BCELoss are probabilities where they belong (LG016's advice, not LG001's fault)
        """
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(32, 5), nn.Sigmoid())
criterion = nn.BCELoss()
for x, y in loader:
    loss = criterion(model(x), y.float())
    loss.backward()
""",
        # a binary discriminator (one sigmoid score per sample) judged by BCE, or by cross_entropy when the loss is built for a
        # two-way Linear discriminator: the `else` branch is left at the default's other side and judged with this
        # discriminator's output, but a one-column sigmoid head is a BCE head (tllib's DANN, realcode_heldout7)
        """
import torch
import torch.nn as nn
import torch.nn.functional as F


class AdversarialLoss(nn.Module):
    def __init__(self, discriminator, sigmoid=True):
        super().__init__()
        self.discriminator = discriminator
        self.sigmoid = sigmoid

    def forward(self, f, labels):
        d = self.discriminator(f)
        if self.sigmoid:
            loss = F.binary_cross_entropy(d, labels.float().view(-1, 1))
        else:
            loss = F.cross_entropy(d, labels.long())
        return loss


discriminator = nn.Sequential(nn.Linear(256, 64), nn.ReLU(), nn.Linear(64, 1), nn.Sigmoid())
adversarial = AdversarialLoss(discriminator)
for f, labels in loader:
    loss = adversarial(f, labels)
    loss.backward()
""",
        # the course exercise done right: the sigmoid only on the prediction path, the logits into the loss
        _ACTIVATION_ATTRIBUTE.replace("{pred}", "x"),
        # the sigmoid kept for a metric; the logits go to the loss
        """
import torch
import torch.nn.functional as F


def step(model, x, y):
    logits = model.fc(x)
    confidence = torch.sigmoid(logits).max(dim=1).values
    return F.cross_entropy(logits, y), confidence
""",
        # the helper's name lowercased is "relu": a rectifier closes the model, not a softmax
        _NAMED_ACTIVATION.replace("{act}", "ReLU"),
        # the constructor's flag written False at the call: the head without the softmax is the one built
        _FLAGGED_HEAD.replace("{flag}", "classification=False"),
        # the Sequential subclass's layers end in the linear layer: logits
        _POOLED_SEQUENTIAL_HEAD.replace("{head}", ""),
        # quic/sense's fix: the softmax deleted from the classifier before training (`del classifier[-1]`)
        _POOLED_SEQUENTIAL_HEAD.replace("{head}", ", nn.Softmax(dim=-1)")
        .replace("net = Pipe(", "classifier = LogisticRegression(256, 10)\ndel classifier[-1]\nnet = Pipe(")
        .replace("Pipe(backbone_tail, LogisticRegression(256, 10))", "Pipe(backbone_tail, classifier)"),
        # a plain nn.Sequential whose softmax is deleted
        """
import torch.nn as nn

model = nn.Sequential(nn.Linear(10, 3), nn.Softmax(dim=1))
del model[-1]
criterion = nn.CrossEntropyLoss()
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
""",
        # not written as a literal (a setting read at run time): both heads, silent
        _FLAGGED_HEAD.replace("{flag}", "classification=args.classify"),
        # a criterion named by a setting the checked code does not know: silent
        _BY_NAME.replace("{name}", "loss_name"),
        # after the fix: the discrete branch gives the criterion its logits
        _SAME_SETTING_TWICE.replace("{discrete}", "self.fc2(x)"),
        # the configuration class picks the squared error and nothing in the run sets it otherwise:
        # the cross-entropy branch never runs (interp.class_settings)
        """
import torch.nn as nn
import torch.nn.functional as F


class CFG:
    loss = "mse"


def build_criterion():
    if CFG.loss == "ce":
        return nn.CrossEntropyLoss()
    return nn.MSELoss()


def train(model, loader):
    criterion = build_criterion()
    for x, y in loader:
        loss = criterion(F.softmax(model(x), dim=1), F.one_hot(y, 10).float())
        loss.backward()
""",
        # skada trains with the criterion it is given, here one that takes log-probabilities
        _SKADA_NET.replace("{args}", 'layer_name="feature_layer", base_criterion=nn.NLLLoss(), '),
        # an argument past the module, the layer's name and the weight: where skada's versions put
        # other parameters (a criterion among them), not followed
        _SKADA_NET.replace("{args}", '"feature_layer", 1.0, False, nn.NLLLoss(), '),
        # the temperature divides the logits, before the softmax the loss applies
        """
import torch.nn.functional as F

loss = F.cross_entropy(model(x) / 0.5, y)
""",
        # a criterion given at the call: the default the conditional falls back to is not the one used
        """
import torch.nn as nn
import torch.nn.functional as F


def make_criterion(criterion=None):
    return criterion if criterion is not None else nn.CrossEntropyLoss()


loss = make_criterion(nn.MSELoss())(F.softmax(net(x), dim=1), F.one_hot(y, 10).float())
""",
        # the probe built from a local of the storing hook: what it holds there is not known here
        _ONLINE_PROBE.replace("{store}", "probe = Probe(self.z_dim, self.num_classes)\n        pl_module.probe = probe"),
        # stored by two hooks (the second one a plain linear probe): which one the read sees is not known
        _ONLINE_PROBE.replace(
            "{store}",
            "pl_module.probe = Probe(self.z_dim, self.num_classes)\n\n    def on_load_checkpoint(self, trainer, pl_module, checkpoint):\n"
            "        pl_module.probe = nn.Linear(self.z_dim, self.num_classes)",
        ),
        # a hook that sets the attribute by name as well: the one store found is not the only one
        _ONLINE_PROBE.replace(
            "{store}",
            "pl_module.probe = Probe(self.z_dim, self.num_classes)\n\n    def on_load_checkpoint(self, trainer, pl_module, checkpoint):\n"
            '        setattr(pl_module, "probe", nn.Linear(self.z_dim, self.num_classes))',
        ),
        # the same choice called where the flag is on: the hand-written loss, no torch loss
        _SMOOTHING_OR_CE.replace("{call}", "if conf.label_smoothing:\n    loss = criterion(model(x), y)"),
        """
import torch.nn as nn
from skorch import NeuralNetClassifier

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.out = nn.Linear(20, 2)

    def forward(self, X):
        return nn.functional.softmax(self.out(X), dim=-1)

# skorch's default criterion is NLLLoss, to which it hands the log of these probabilities
net = NeuralNetClassifier(Net, max_epochs=10)

class LogNet(NeuralNetClassifier):
    def get_loss(self, y_pred, y_true, *args, **kwargs):
        return super().get_loss(y_pred.log(), y_true, *args, **kwargs)

# a subclass that changes what reaches its loss: not followed
other = LogNet(Net, criterion=nn.CrossEntropyLoss)
""",
        """
import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
logits = model(images)
loss = criterion(logits, labels)
probs = torch.softmax(logits, dim=1)   # only for metrics, after the loss
accuracy = (probs.argmax(1) == labels).float().mean()
""",
        """
import torch.nn.functional as F

def distill(student_logits, teacher_logits):
    # soft targets: the softmax is on the target, which is correct
    return F.cross_entropy(student_logits, teacher_logits.softmax(dim=-1))
""",
        """
import torch
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(128, 10)

    def forward(self, x):
        x = self.fc(x)
        if not self.training:
            return torch.softmax(x, dim=-1)
        return x

model = Net()
criterion = nn.CrossEntropyLoss()
loss = criterion(model(x), y)
""",
        """
def softmax(x):
    return x - x.max()

def cross_entropy(p, y):
    return -(p[y]).sum()

loss = cross_entropy(softmax(scores), y)
""",
        """
import torch.nn as nn
import torch.nn.functional as F

# log_softmax into NLLLoss is the right pairing, not a double softmax
criterion = nn.NLLLoss()
log_probs = F.log_softmax(model(x), dim=1)
loss = criterion(log_probs, y)
""",
        """
import torch.nn as nn
import torch.nn.functional as F

fc = nn.Linear(10, 3)
out = {"scores": F.softmax(fc(x), dim=1)}
out["scores"] = fc(x)  # replaced by the logits before the loss
loss = F.cross_entropy(out["scores"], y)
""",
        _SEQ_OR_PAIR.replace("{seq_softmax}", "").replace("{seq_out}", "self.fc(tokens)")
        + """
# the model that ends in a softmax cannot take two arguments: this call runs SeqModel's logits
net = PairModel() if mode == "pair" else SeqModel()
out, hidden = net(tokens, hidden)
loss = nn.CrossEntropyLoss()(out, labels)
""",
        # tomgoldstein/loss-landscape (realcode_heldout8): a criterion chosen by a setting, called
        # under a test of its own type: the softmax goes to the MSELoss option only
        """
import torch.nn as nn
import torch.nn.functional as F

net = nn.Linear(32, 10)

def train(loader, criterion):
    for x, y in loader:
        if isinstance(criterion, nn.CrossEntropyLoss):
            loss = criterion(net(x), y)
        elif isinstance(criterion, nn.MSELoss):
            loss = criterion(F.softmax(net(x), dim=1), F.one_hot(y, 10).float())

def main(args, loader):
    criterion = nn.CrossEntropyLoss()
    if args.loss_name == "mse":
        criterion = nn.MSELoss()
    train(loader, criterion)
""",
        # an item stored by key into a helper's dict the checker cannot follow reads back by that key
        # only: the other items are not known
        """
import torch.nn as nn
import torch.nn.functional as F
from helpers import base_outputs

fc = nn.Linear(8, 4)
out = base_outputs(x)
out["probs"] = F.softmax(fc(x), dim=1)
for name, value in out.items():
    F.cross_entropy(value, y)
loss = F.cross_entropy(out["logits"], y)
""",
        # the heads' logits gathered into a tensor that starts empty: no softmax reaches the loss
        _HEADS_FROM_EMPTY.replace("{pred}", "head(x).view(b, 2, 64)"),
        # the softmax is in the first `loss`, which the second definition replaces
        _REDEFINED_METHOD.replace("{first}", "F.cross_entropy(F.softmax(out, dim=1), y)")
        .replace("{second}", "F.cross_entropy(out, y, weight=weight)")
        .replace("{arg}", "net(x)"),
        # the model makes its scores only for the mode "segment" (any other raises); the loss under
        # `mode == "classify"` never receives them (a setting of the same name: interp.branch_settings)
        _MODE_WRAPPER.replace("{mode}", "classify"),
        # karunru/kaggle_monorepo: a setting picks cross-entropy or a soft-F1 loss written by hand,
        # which takes probabilities; the caller's own softmax may be meant for that option
        """
import torch.nn as nn
import torch.nn.functional as F


class SoftF1Loss(nn.Module):
    def forward(self, probs, target):
        onehot = F.one_hot(target, probs.size(1)).float()
        tp = (probs * onehot).sum(0)
        f1 = 2 * tp / (probs.sum(0) + onehot.sum(0) + 1e-6)
        return 1 - f1.mean()


def train(model, loader, optimizer, loss_type):
    if loss_type == "soft_f1":
        criterion = SoftF1Loss()
    else:
        criterion = nn.CrossEntropyLoss()
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(F.softmax(model(x), dim=1), y)
        loss.backward()
        optimizer.step()
""",
        # the segmenter's logits, kept by `forward` next to its log-probabilities (joliGEN's fix)
        _SEMANTIC_GAN.replace("{sem}", "self.pred_fake_b").replace("{more}", ""),
        # a method with an argument may store something else into the attribute: not known what it holds
        _SEMANTIC_GAN.replace("{sem}", "self.pf_b").replace("{more}", "\n    def use_prediction(self, pred):\n        self.pf_b = pred\n"),
        # the pair critic may be given a ranking criterion of its own later: both may hold it, so what
        # the choice holds there is what they agree on (nothing)
        _CRITICS.replace("{pair_more}", "\n\n    def attach(self, criterion):\n        self.rank_loss = criterion"),
        # ... or under a name it computes
        _CRITICS.replace("{pair_more}", '\n\n    def attach(self, kind, criterion):\n        setattr(self, f"{kind}_loss", criterion)'),
        # a criterion named before it is built, but built twice later (two cells): not known which one
        """
import torch.nn as nn
import torch.nn.functional as F

for x, y in loader:
    loss = criterion(F.softmax(net(x), dim=1), y)
    loss.backward()

criterion = nn.MSELoss()
criterion = nn.CrossEntropyLoss()
""",
        # the log of the distribution's probabilities into NLLLoss: log-probabilities, as it expects
        _CATEGORICAL_POLICY.replace("{loss}", "nn.NLLLoss()(dist.probs.log(), actions)"),
        # the same flag left at a default that skips the softmax head (round 31)
        """
import torch
import torch.nn as nn

class Rec(nn.Module):
    def __init__(self, d, n_y, classification=False):
        super().__init__()
        if classification:
            finals = [nn.Linear(d, n_y), nn.Softmax(dim=1)]
        else:
            finals = [nn.Linear(d, n_y)]
        self.final_layer = nn.Sequential(*finals)

    def forward(self, x):
        return self.final_layer(x)

model = Rec(32, 5)
loss_fn = nn.CrossEntropyLoss()
for x, y in loader:
    loss = loss_fn(model(x), y)
    loss.backward()
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG001"),
            line=7,
            col=18,
            message="it applies log-softmax itself, so pass the raw logits",
        ),
        # sigmoid output into CrossEntropyLoss: squashed into (0, 1), then log-softmax again (PyTorch-YOLOv3's class loss)
        Invalid(
            _SIGMOID_CLASS_SCORES.replace("{cls}", "torch.sigmoid(prediction[..., 5:])"),
            line=16,
            col=33,
            message="CrossEntropyLoss receives sigmoid probabilities (sigmoid at line 14); it applies log-softmax itself, so the sigmoid",
            severity="error",
        ),
        # a network whose last layer is the sigmoid (the same layer as the gate above, on the output); the inline
        # sigmoid is removed by the fix
        Invalid(
            _SIGMOID_GATE.replace("{body}", "return self.gate[1](self.fc(x))"),
            line=19,
            col=22,
            message="CrossEntropyLoss receives sigmoid probabilities",
        ),
        Invalid(
            """
import torch
import torch.nn.functional as F


def step(model, x, y):
    return F.cross_entropy(torch.sigmoid(model.fc(x)), y)
""",
            line=6,
            col=28,
            message="F.cross_entropy receives sigmoid probabilities",
            fix_title="Remove the sigmoid",
            edit=("torch.sigmoid(model.fc(x))", "model.fc(x)"),
        ),
        # the course exercise as many students wrote it: the stored sigmoid applied before the stored cross_entropy
        Invalid(
            _ACTIVATION_ATTRIBUTE.replace("{pred}", "self.activation(x)"),
            line=15,
            col=30,
            message="F.cross_entropy receives sigmoid probabilities (sigmoid at line 15)",
            fix_title="Remove the sigmoid",
            edit=("return self.loss(self.activation(x), y)", "return self.loss(x, y)"),
        ),
        # one model ends in a log_softmax, the other in a sigmoid: the sigmoid's path makes it an error, not info
        Invalid(
            """
import torch
import torch.nn as nn
import torch.nn.functional as F


class LogNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        return F.log_softmax(self.fc(x), dim=1)


class SigNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        return torch.sigmoid(self.fc(x))


net = LogNet() if args.model == "log" else SigNet()
loss = nn.CrossEntropyLoss()(net(x), y)
""",
            line=25,
            col=30,
            message="receives log-softmax log-probabilities or sigmoid probabilities, whichever path it takes",
            severity="error",
        ),
        # the criterion named by a string its caller gives, looked up with getattr
        Invalid(
            _BY_NAME.replace("{name}", '"CrossEntropyLoss"').replace('loader, "CrossEntropyLoss"', "loader"),
            line=17,
            col=26,
            message="CrossEntropyLoss receives softmax probabilities (nn.Softmax layer at line 12)",
        ),
        # the branch that tests the constructor's setting again calls the CrossEntropyLoss it picked
        Invalid(
            _SAME_SETTING_TWICE.replace("{discrete}", "F.softmax(self.fc2(x), dim=1)"),
            line=20,
            col=38,
            message="CrossEntropyLoss receives softmax probabilities (F.softmax at line 19)",
        ),
        # the loop posted first, the criterion in a later post or cell (code pasted into an issue)
        Invalid(
            """
import torch.nn as nn
import torch.nn.functional as F

for x, y in loader:
    loss = criterion(F.softmax(net(x), dim=1), y)
    loss.backward()

criterion = nn.CrossEntropyLoss()
""",
            line=5,
            col=22,
            message=_CE_PROBS,
            edit=("criterion(F.softmax(net(x), dim=1), y)", "criterion(net(x), y)"),
            fix_title="Remove the softmax",
        ),
        Invalid(
            """
import torch.nn as nn
from torch.nn import CrossEntropyLoss as CE

model = nn.Sequential(
    nn.Linear(784, 256),
    nn.ReLU(),
    nn.Linear(256, 10),
    nn.Softmax(dim=1),
)
loss_fn = CE()

for x, y in loader:
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
""",
            line=14,
            col=20,
            message="it applies log-softmax itself, so pass the raw logits",
        ),
        Invalid(
            """
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl

class Classifier(pl.LightningModule):
    def __init__(self, num_classes=10):
        super().__init__()
        self.backbone = nn.Linear(512, num_classes)
        self.act = nn.Softmax(1)
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.act(self.backbone(x))

    def training_step(self, batch, batch_idx):
        x, y = batch
        out = self(x)
        loss = self.criterion(out, y)
        return loss
""",
            line=18,
            col=31,
            message="it applies log-softmax itself, so pass the raw logits",
        ),
        Invalid(
            """
import torch.nn.functional as F

def compute_loss(logits, target):
    return F.cross_entropy(logits, target)

def step(model, x, y):
    scores = model(x)
    logits = scores.log_softmax(-1)
    return F.cross_entropy(logits, y)
""",
            line=9,
            col=28,
            message="so the log_softmax is redundant (same loss and gradients)",
            severity="info",
        ),
        Invalid(
            """
import torch.nn.functional as F

def training_step(model, x, y):
    logits = model(x)
    return F.cross_entropy(F.softmax(logits, dim=1), y)
""",
            line=5,
            col=28,
            message="receives softmax probabilities",
            severity="error",
            edit=("return F.cross_entropy(F.softmax(logits, dim=1), y)", "return F.cross_entropy(logits, y)"),
            fix_title="Remove the softmax: pass the logits",
        ),
        Invalid(
            """
import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
for x, y in loader:
    out = model(x)
    loss = criterion(torch.log_softmax(out, dim=1), y)
""",
            line=7,
            col=22,
            message="so the log_softmax is redundant (same loss and gradients)",
            severity="info",
            edit=("loss = criterion(torch.log_softmax(out, dim=1), y)", "loss = criterion(out, y)"),
            fix_title="Remove the log_softmax: pass the logits",
        ),
        """
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.__build()

    def __build(self):
        self.fc = nn.Linear(8, 3)
        self.loss_func = nn.CrossEntropyLoss()

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)

    def loss(self, x, y):
        return self.loss_func(self(x), y)  # expect: LG001
""",
        """
from functools import partial

import torch.nn as nn
import torch.nn.functional as F


class Small(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return [F.softmax(self.fc(x), dim=1)]


class Large(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 3), nn.Softmax(dim=1))

    def forward(self, x):
        return [self.body(x)]


model = Large() if big else Small()
ce = partial(F.cross_entropy, label_smoothing=0.1)
for out in model(x):
    loss = ce(out, y)  # expect: LG001
""",
        """
import torch.nn as nn
import torch.nn.functional as F
from zoo import ExternalNet


class ProbNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


net = ExternalNet() if cfg.name == "external" else ProbNet()
net = net.cuda()
if cfg.name == "prob":
    loss = nn.CrossEntropyLoss()(net(x), y)  # expect: LG001
""",
        Invalid(
            """
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        return self.softmax(self.fc(x))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(320, 10)

    def forward(self, x):
        return F.log_softmax(self.fc(x), dim=1)


# shaoxiongji/federated-learning@31427501: each model ends in a softmax, a different one
net = MLP() if args.model == "mlp" else CNN()
loss = nn.CrossEntropyLoss()(net(images), labels)
""",
            line=26,
            col=30,
            message="receives softmax probabilities or log-softmax log-probabilities, whichever path it takes",
            severity="error",
        ),
        Invalid(
            """
import torch.nn as nn
from skorch import NeuralNetClassifier

class MyModule(nn.Module):
    def __init__(self, num_units=10):
        super().__init__()
        self.dense0 = nn.Linear(20, num_units)
        self.output = nn.Linear(num_units, 2)
        self.softmax = nn.Softmax(dim=-1)

    def forward(self, X):
        X = nn.functional.relu(self.dense0(X))
        return self.softmax(self.output(X))

# skorch computes criterion(module(X), y) itself
net = NeuralNetClassifier(MyModule, criterion=nn.CrossEntropyLoss, module__num_units=16)
""",
            line=16,
            col=27,
            message="CrossEntropyLoss receives softmax probabilities (nn.Softmax layer at line 13)",
        ),
        _SEQ_OR_PAIR.replace("{seq_softmax}", "\n        self.softmax = nn.Softmax(dim=1)").replace("{seq_out}", "self.softmax(self.fc(tokens))")
        + """
# vanzytay/pytorch_sentiment_rnn@de866ab: one model per setting, each called where its own
# arguments are passed; PairModel's forward cannot take two, so this call runs SeqModel
net = PairModel() if mode == "pair" else SeqModel()
out, hidden = net(tokens, hidden)
loss = nn.CrossEntropyLoss()(out, labels)  # expect: LG001
probs = net(left, right, lh, rh)
loss = nn.CrossEntropyLoss()(probs, labels)  # expect: LG001
""",
        # realcode_heldout10 (prob-ml/bliss before a764fb7): the log-probabilities stored by key into
        # the dict a helper returned, read back by key by the caller
        Invalid(
            """
import torch.nn as nn
import torch.nn.functional as F
from helpers import base_outputs


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)

    def forward(self, x):
        out = base_outputs(x)
        out["log_probs"] = F.log_softmax(self.fc(x), dim=1)
        return out


encoder = Encoder()
loss = nn.CrossEntropyLoss()(encoder(x)["log_probs"], y)
""",
            line=18,
            col=30,
            message="CrossEntropyLoss receives log-softmax log-probabilities",
        ),
        # ... and the model a constructor parameter is declared to be (`encoder: LocationEncoder`),
        # in a class that a config builds: an instance of that class
        Invalid(
            """
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 4)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


class Scorer(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 1)

    def forward(self, x):
        return self.fc(x)


class Step:
    def __init__(self, model: Classifier, scorer: Scorer):
        self.model = model
        self.scorer = scorer

    def loss(self, x, y):
        return F.cross_entropy(self.model(x), y)
""",
            line=29,
            col=32,
            message=_F_CE_PROBS,
        ),
        # W-Net (Arctanxy/W-Net-PyTorch): a configured flag picks a hand-written label-smoothing loss
        # or nn.CrossEntropyLoss; with the flag off, the softmax head reaches CrossEntropyLoss
        Invalid(
            _SMOOTHING_OR_CE.replace("{call}", "loss = criterion(model(x), y)"),
            line=24,
            col=18,
            message="CrossEntropyLoss (when not conf.label_smoothing) receives softmax probabilities",
        ),
        # the empty tensor the heads are concatenated onto adds no value: every element is a softmax
        # probability, and on a path with no head it holds none at all
        Invalid(
            _HEADS_FROM_EMPTY.replace("{pred}", "F.softmax(head(x).view(b, 2, 64), dim=1)"),
            line=22,
            col=30,
            message=_CE_PROBS,
        ),
        # the second definition of `loss` is the one called
        Invalid(
            _REDEFINED_METHOD.replace("{first}", "F.nll_loss(torch.log(out), y)")
            .replace("{second}", "F.cross_entropy(out, y, weight=weight)")
            .replace("{arg}", "F.softmax(net(x), dim=1)"),
            line=18,
            col=32,
            message=_F_CE_PROBS,
        ),
        # the same scores under the loss helper's own test of the mode they are made for
        Invalid(
            _MODE_WRAPPER.replace("{mode}", "segment"),
            line=21,
            col=32,
            message=_F_CE_PROBS,
        ),
        # `forward` takes no argument: what it stores on `self` is what every call stores, and the loss
        # method reads it back
        Invalid(
            _SEMANTIC_GAN.replace("{sem}", "self.pf_b").replace("{more}", ""),
            line=22,
            col=44,
            message="CrossEntropyLoss receives log-softmax log-probabilities",
            severity="info",
        ),
        # the criterion only one of two chosen models has: on the other's path the read would raise
        Invalid(
            _CRITICS.replace("{pair_more}", ""),
            line=38,
            col=42,
            message=_CE_PROBS,
        ),
        # the probe one hook stores on the model it is handed, read by the training hook
        Invalid(
            _ONLINE_PROBE.replace("{store}", "pl_module.probe = Probe(self.z_dim, self.num_classes).to(pl_module.device)"),
            line=29,
            col=32,
            message="F.cross_entropy receives softmax probabilities (nn.Softmax layer at line 10)",
        ),
        # skada's deep domain-adaptation methods score the module's output with nn.CrossEntropyLoss
        # unless given a base_criterion (scikit-adaptation/skada-bench's backbones, realcode_heldout15)
        Invalid(
            _SKADA_NET.replace("{args}", 'layer_name="feature_layer", '),
            line=15,
            col=17,
            message="CrossEntropyLoss receives log-softmax log-probabilities",
            severity="info",
        ),
        # softmax probabilities divided by a temperature are still no logits (LAMDA-SSL's CAFA score,
        # realcode_heldout15)
        Invalid(
            """
import torch.nn.functional as F


def perturbation_score(model, x):
    probs = model(x).softmax(1) / 0.5
    return F.cross_entropy(probs, probs.argmax(1))
""",
            line=6,
            col=28,
            message=_F_CE_PROBS,
        ),
        # `criterion if criterion is not None else nn.CrossEntropyLoss()` with the parameter's default
        # left in place: the default criterion (open-metric-learning's ArcFace loss, realcode_heldout15)
        Invalid(
            _DEFAULT_CRITERION,
            line=13,
            col=31,
            message=_CE_PROBS,
        ),
        # Categorical(...).probs are softmax probabilities, whatever the distribution was built from
        Invalid(
            _CATEGORICAL_POLICY.replace("{loss}", "nn.CrossEntropyLoss()(dist.probs, actions)"),
            line=18,
            col=34,
            message="CrossEntropyLoss receives softmax probabilities (Categorical(...).probs at line 13)",
        ),
        # the constructor's flag written True at the call: only the softmax head is built
        Invalid(
            _FLAGGED_HEAD.replace("{flag}", "classification=True"),
            line=22,
            col=20,
            message="CrossEntropyLoss receives softmax probabilities (nn.Softmax layer at line 9)",
        ),
        # super().forward(x) of an nn.Sequential subclass runs the layers its constructor was given; a module stored
        # where a wrapper tests for a list is no list
        Invalid(
            _POOLED_SEQUENTIAL_HEAD.replace("{head}", ", nn.Softmax(dim=-1)"),
            line=29,
            col=22,
            message="CrossEntropyLoss receives softmax probabilities (nn.Softmax layer at line 19)",
        ),
        # the flag left at its default True by the construction (MetaRec's `RecMAM(...)`, round 31): the default is this
        # object's value, so only the softmax head is built
        Invalid(
            _FLAGGED_HEAD.replace("{flag}", ""),
            line=22,
            col=20,
            message="CrossEntropyLoss receives softmax probabilities (nn.Softmax layer at line 9)",
        ),
        # "Softmax" lowercased picks the softmax branch of the helper
        Invalid(
            _NAMED_ACTIVATION.replace("{act}", "Softmax"),
            line=17,
            col=22,
            message=_CE_PROBS,
        ),
    )
