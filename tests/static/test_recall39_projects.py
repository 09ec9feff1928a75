"""Round 39 (branch recall39, docs/survey.md "Round 39: ..."): known in-code misses of the real-code sets, each a
project with ``# expect:`` markers and its look-alikes, run end to end through the engine as in test_interp.py's
PROJECTS. Every positive here is silent on main at the start of session 29 (882e642a)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}


# Zessay/NLP-Pytorch-Template's label smoothing (realcode_heldout29): the loss class hands its constructor's reduction to
# nn.KLDivLoss, and the classifier that builds it passes "mean" (rules/_passed_reduction.py)
_SMOOTHING = """
import torch
import torch.nn as nn


class LabelSmoothLoss(nn.Module):
    def __init__(self, smoothing=0.1, reduction={default}):
        super().__init__()
        self.smoothing = smoothing
        self.log_softmax = nn.LogSoftmax(dim=-1)
{rebind}        self.criterion = nn.KLDivLoss(reduction=reduction){expect}

    def forward(self, logits, labels):
        scores = self.log_softmax(logits)
        n = scores.size(-1)
        smoothed = torch.full_like(scores, self.smoothing / (n - 1))
        smoothed.scatter_(1, labels.unsqueeze(1), 1.0 - self.smoothing)
        return self.criterion(scores, smoothed.detach())
"""

_CLASSIFIER = """
import torch.nn as nn

from losses import LabelSmoothLoss


class Classifier(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(config.dim, config.hidden), nn.ReLU())
        self.head = nn.Linear(config.hidden, config.num_labels)
        self.epsilon = config.epsilon

    def forward(self, x, labels=None):
        logits = self.head(self.encoder(x))
        if labels is None:
            return logits
        loss_fct = {build}
        return loss_fct(logits, labels), logits
"""


def _smoothing(
    build: str = 'LabelSmoothLoss(smoothing=self.epsilon, reduction="mean")',
    default: str = '"mean"',
    rebind: str = "",
    expect: str = "  # expect: LG009",
) -> dict[str, str]:
    return {
        "losses.py": _SMOOTHING.replace("{default}", default).replace("{rebind}", rebind).replace("{expect}", expect),
        "model.py": _CLASSIFIER.replace("{build}", build),
    }


PROJECTS["a_loss_class_s_kl_reduction_passed_as_mean_by_its_caller"] = _smoothing()
# look-alike: the caller leaves the class's "mean" default (the class author's choice, not read: rules/_passed_reduction.py)
PROJECTS["a_loss_class_s_kl_reduction_left_at_its_mean_default_by_its_caller"] = _smoothing(build="LabelSmoothLoss(self.epsilon)", expect="")
PROJECTS["a_loss_class_s_kl_reduction_passed_by_position"] = _smoothing(build='LabelSmoothLoss(self.epsilon, "mean")', default='"batchmean"')
# look-alike: the caller passes "batchmean"
PROJECTS["a_loss_class_s_kl_reduction_passed_as_batchmean"] = _smoothing(build='LabelSmoothLoss(self.epsilon, reduction="batchmean")', expect="")
# look-alike: the caller passes a setting the code does not decide
PROJECTS["a_loss_class_s_kl_reduction_passed_from_a_setting"] = _smoothing(build="LabelSmoothLoss(self.epsilon, reduction=self.reduction)", expect="")
# look-alike: the caller passes a mapping of keywords: which reduction is not shown
PROJECTS["a_loss_class_s_kl_reduction_in_a_keyword_mapping"] = _smoothing(build="LabelSmoothLoss(**self.loss_kwargs)", expect="")
# look-alike: the class turns "mean" into "batchmean" before building the loss
PROJECTS["a_loss_class_that_maps_mean_to_batchmean"] = _smoothing(
    rebind='        if reduction == "mean":\n            reduction = "batchmean"\n', expect=""
)
# look-alike: no code builds the class; its default is not read (a library's choice its users may override)
PROJECTS["an_unbuilt_loss_class_with_a_mean_default"] = {
    "losses.py": _SMOOTHING.replace("{default}", '"mean"').replace("{rebind}", "").replace("{expect}", "")
}


# a distillation helper whose reduction is a parameter with a "mean" default, called from the training loop
_DISTILL = """
import torch.nn.functional as F


def distill_loss(student, teacher, T, reduction="mean"):
    kl = F.kl_div(F.log_softmax(student / T, dim=1), F.softmax(teacher / T, dim=1), reduction=reduction){expect}
{scale}    return kl * T * T


def train(student_net, teacher_net, loader, optimizer):
    for x, y in loader:
        s, t = student_net(x), teacher_net(x).detach()
        loss = F.cross_entropy(s, y) + distill_loss(s, t, 4.0{passed})
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
"""


def _distill(passed: str = "", scale: str = "", expect: str = "  # expect: LG009") -> dict[str, str]:
    return {"distill.py": _DISTILL.replace("{passed}", passed).replace("{scale}", scale).replace("{expect}", expect)}


# look-alike: the loop leaves the helper's "mean" default (intersun/PKD-for-BERT-Model-Compression's distillation_loss)
PROJECTS["a_distillation_helper_s_kl_reduction_left_at_mean"] = _distill(expect="")
PROJECTS["a_distillation_helper_s_kl_reduction_passed_as_mean"] = _distill(passed=', reduction="mean"')
# look-alike: the loop passes "batchmean"
PROJECTS["a_distillation_helper_called_with_batchmean"] = _distill(passed=', reduction="batchmean"', expect="")
# look-alike: the mean is scaled back by the number of classes (the batch mean for (N, C) inputs)
PROJECTS["a_distillation_helper_s_mean_scaled_by_the_classes"] = _distill(scale="    kl *= student.size(1)\n", expect="")


# a model class picked from a dict of classes by a command-line name (interp/keyed_models.py): each class is the model
# when the name is its key, as an if-chain on the same setting picks it (interp/model_choices.py)
_NETS = """
import torch
import torch.nn as nn


class ConvNet(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.fc = nn.Linear(8, n_classes)

    def forward(self, x):
        return {conv_out}


class MLP(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, n_classes)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x.flatten(1))))


{table}
"""

_TRAIN = """
import torch
import torch.nn as nn

from nets import MODELS


def train(args, loader):
    model = {lookup}(args.n_classes)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    for images, labels in loader:
        loss = criterion(model(images), labels){expect}
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
"""


def _nets(
    conv_out: str = "torch.softmax(self.fc(self.features(x)), dim=1)",
    table: str = 'MODELS = {"cnn": ConvNet, "mlp": MLP}',
    lookup: str = "MODELS[args.model]",
    expect: str = "  # expect: LG001",
) -> dict[str, str]:
    return {
        "nets.py": _NETS.replace("{conv_out}", conv_out).replace("{table}", table),
        "train.py": _TRAIN.replace("{lookup}", lookup).replace("{expect}", expect),
    }


PROJECTS["a_softmax_model_among_classes_a_command_line_name_picks_from_a_dict"] = _nets()
PROJECTS["a_softmax_model_among_classes_a_configuration_key_picks_from_a_dict"] = _nets(lookup='MODELS[args.config["model"]]')
PROJECTS["a_softmax_model_under_two_keys_of_a_dict_of_classes"] = _nets(table='MODELS = {"cnn": ConvNet, "convnet": ConvNet, "mlp": MLP}')
# look-alike: every class of the dict returns logits
PROJECTS["classes_of_a_dict_that_all_return_logits"] = _nets(conv_out="self.fc(self.features(x))", expect="")
# look-alike: `.get(name)` is left to the join (the classes differ: silent)
PROJECTS["a_softmax_model_among_classes_read_with_get"] = _nets(lookup="MODELS.get(args.model)", expect="")
# look-alike: a dict holding a class and a function: not a choice among classes
PROJECTS["a_dict_of_a_class_and_a_factory_function"] = _nets(
    table='def mlp_factory(n_classes):\n    return MLP(n_classes)\n\n\nMODELS = {"cnn": ConvNet, "mlp": mlp_factory}', expect=""
)


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_recall39_projects(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected


@pytest.mark.parametrize(
    ("table", "condition"),
    [
        ('MODELS = {"cnn": ConvNet, "mlp": MLP}', "(when args.model == 'cnn')"),
        ('MODELS = {"cnn": ConvNet, "convnet": ConvNet, "mlp": MLP}', "(when args.model == 'cnn' or args.model == 'convnet')"),
    ],
)
def test_a_model_picked_from_a_dict_is_reported_with_its_key(tmp_path: Path, table: str, condition: str) -> None:
    from lossguard.static.engine import check_files

    for rel, code in _nets(table=table).items():
        (tmp_path / rel).write_text(code)
    findings = check_files(sorted(tmp_path.glob("*.py")), display=str).findings
    messages = [f.message for f in findings if f.code == "LG001"]
    assert len(messages) == 1
    assert messages[0].startswith(f"CrossEntropyLoss {condition} receives softmax probabilities (torch.softmax at ")
