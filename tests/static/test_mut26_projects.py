"""Round 36 (branch mut26, docs/survey.md "Round 36: mutations of real code"): the mechanisms the probe led to,
each a project with ``# expect:`` markers and its look-alike, run end to end through the engine as in
test_interp.py's PROJECTS. Every positive here is silent on main at the start of session 26 (7b7bde9a); the
look-alike of the untaken branch is the false alarm main gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}


# explainingai-code/VQVAE-Pytorch's train_vqvae.py: the reconstruction criterion picked from a dict display by a
# string of the configuration (interp/keyed_criteria.py). Every option is unreduced, so whichever the
# configuration names, backward() gets a per-element loss; with one option a BCELoss, the raw output reaches it
# when the configuration names that option.
_KEYED = """
import torch
import torch.nn as nn


def train(model, loader, config):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = {table}{lookup}
    for x, _ in loader:
        optimizer.zero_grad()
        out = model(x)
        loss = criterion(out, x){mark_call}
        loss.backward(){mark_backward}
        optimizer.step()


if __name__ == "__main__":
    train(nn.Linear(8, 8), loader, config)
"""
_UNREDUCED = "{\n        'l1': torch.nn.L1Loss(reduction='none'),\n        'l2': torch.nn.MSELoss(reduction='none'),\n    }"
_WITH_BCE = "{'bce': nn.BCELoss(), 'mse': nn.MSELoss()}"
_REDUCED = "{'l1': torch.nn.L1Loss(), 'l2': torch.nn.MSELoss()}"


def _keyed(table: str, lookup: str, mark_call: str = "", mark_backward: str = "") -> str:
    return _KEYED.replace("{table}", table).replace("{lookup}", lookup).replace("{mark_call}", mark_call).replace("{mark_backward}", mark_backward)


PROJECTS["a_criterion_picked_from_a_dict_by_a_configured_key"] = {
    "get.py": _keyed(_UNREDUCED, ".get(config['train_params']['crit'])", mark_backward="  # expect: LG015"),
    "subscript.py": _keyed(_UNREDUCED, "[config.crit]", mark_backward="  # expect: LG015"),
    "bce.py": _keyed(_WITH_BCE, "[config.loss]", mark_call="  # expect: LG002"),
}
# reduced options; a dict of one criterion under two names; a key computed by a call; a value that is not a torch
# loss (a class to call): nothing known to be wrong, or left to the join as before
PROJECTS["a_criterion_picked_from_a_dict_by_a_configured_key_look_alike"] = {
    "reduced.py": _keyed(_REDUCED, ".get(config['crit'])"),
    "computed.py": _keyed(_UNREDUCED, "[config.get('crit')]"),
    "classes.py": _keyed("{'l1': nn.L1Loss, 'l2': nn.MSELoss}", "[config.crit]()"),
}

# a loop over the dict's keys calls every criterion in turn: the lookup by the loop's target is not a choice
_LOOPED = """
import torch
import torch.nn as nn


def train(model, loader):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    criteria = {'l1': nn.L1Loss(), 'l2': nn.MSELoss()}
    for x, _ in loader:
        optimizer.zero_grad()
        out = model(x)
        loss = 0
        for name in criteria:
            loss = loss + criteria[name](out, x)
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    train(nn.Linear(8, 8), loader)
"""
PROJECTS["a_criterion_picked_from_a_dict_by_a_configured_key_look_alike"]["looped.py"] = _LOOPED


# IvLabs/stagewise-knowledge-distillation's image_classification trainer: one `train` for every experiment script,
# each passing its own name and criteria (interp/untaken_settings.py). The branch for another experiment's name
# is that experiment's call: the log-softmax written for the KL divergence of `expt='hinton-kd'` is not handed to
# the CrossEntropyLoss of the call with `expt='attention-kd'`, nor of one that leaves `expt=None`.
_TRAINER = """
import torch
import torch.nn.functional as F


def train(student, teacher, loader, loss_function, loss_function2, optimizer, expt=None):
    for images, labels in loader:
        y_pred = student(images)
        if teacher is None:
            loss = loss_function(y_pred, labels)
        elif expt == 'hinton-kd':
            soft_targets = F.softmax(teacher(images) / 4, dim=1)
            loss = loss_function(F.log_softmax(y_pred / 4, dim=1), soft_targets)
            loss += loss_function2({hinton_input}, labels){hinton_mark}
        else:
            loss = loss_function(y_pred, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
"""
_SCRIPT = """
import torch
from torch import nn
from trainer import *

expt = {expt}
net = nn.Linear(10, 3)
teacher = nn.Linear(10, 3)
loss_function = {loss}
loss_function2 = {loss2}
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(3):
    train(net, teacher, loader, loss_function, loss_function2, optimizer{passed})
"""


def _script(expt: str, loss: str, loss2: str, passed: str = ", expt=expt") -> str:
    return _SCRIPT.replace("{expt}", expt).replace("{loss}", loss).replace("{loss2}", loss2).replace("{passed}", passed)


_SCRIPTS = {
    "hinton.py": _script("'hinton-kd'", "nn.KLDivLoss(reduction='batchmean')", "nn.CrossEntropyLoss()"),
    "attention.py": _script("'attention-kd'", "nn.CrossEntropyLoss()", "nn.MSELoss()"),
    "plain.py": _script("None", "nn.CrossEntropyLoss()", "nn.CrossEntropyLoss()", passed=""),
}
# the hinton branch's own mistake (softmax probabilities into its CrossEntropyLoss) is still that call's finding
PROJECTS["a_branch_on_a_setting_another_call_takes"] = {
    "trainer.py": _TRAINER.replace("{hinton_input}", "F.softmax(y_pred, dim=1)").replace("{hinton_mark}", "  # expect: LG001"),
    **_SCRIPTS,
}
PROJECTS["a_branch_on_a_setting_another_call_takes_look_alike"] = {
    "trainer.py": _TRAINER.replace("{hinton_input}", "y_pred").replace("{hinton_mark}", ""),
    **_SCRIPTS,
}


# cksruf91/recomm-deepfm-pytorch's MultiLayerPerceptron: `layers = list()` is the empty list `[]` is, so the
# head appended after the loop is the list's known last layer
_MLP = """
import torch


class MultiLayerPerceptron(torch.nn.Module):
    def __init__(self, input_dim, embed_dims):
        super().__init__()
        layers = {empty}
        for embed_dim in embed_dims:
            layers.append(torch.nn.Linear(input_dim, embed_dim))
            layers.append(torch.nn.ReLU())
            input_dim = embed_dim
        layers.append(torch.nn.Linear(input_dim, 1))
        layers.append({head})
        self.mlp = torch.nn.Sequential(*layers)

    def forward(self, x):
        return self.mlp(x).squeeze(1)


model = MultiLayerPerceptron(10, [64, 32])
optimizer = torch.optim.Adam(model.parameters())
criterion = torch.nn.BCELoss()
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y){mark}
    loss.backward()
    optimizer.step()
"""
PROJECTS["layers_appended_to_an_empty_list_made_by_list"] = {
    "mlp.py": _MLP.replace("{empty}", "list()").replace("{head}", "torch.nn.Dropout(0.1)").replace("{mark}", "  # expect: LG002"),
}
PROJECTS["layers_appended_to_an_empty_list_made_by_list_look_alike"] = {
    "mlp.py": _MLP.replace("{empty}", "list()").replace("{head}", "torch.nn.Sigmoid()").replace("{mark}", ""),
}


# the repository's own MultiLayerPerceptron appends its output layer under `if output_layer:`, a flag defaulting to
# True that the model's constructor leaves in place (interp/untaken_settings.flag_written_true): every run of that
# construction appends it, so it is the known last layer
_FLAGGED = """
import torch


class MultiLayerPerceptron(torch.nn.Module):
    def __init__(self, input_dim, embed_dims, dropout, output_layer=True):
        super().__init__()
        layers = []
        for embed_dim in embed_dims:
            layers.append(torch.nn.Linear(input_dim, embed_dim))
            layers.append(torch.nn.BatchNorm1d(embed_dim))
            layers.append(torch.nn.ReLU())
            layers.append(torch.nn.Dropout(p=dropout))
            input_dim = embed_dim
        if output_layer:
            layers.append(torch.nn.Linear(input_dim, 1))
        self.mlp = torch.nn.Sequential(*layers)

    def forward(self, x):
        return self.mlp(x)


class Recommender(torch.nn.Module):
    def __init__(self, dim, mlp_dims, dropout, head):
        super().__init__()
        self.mlp = MultiLayerPerceptron(dim, mlp_dims, dropout{flag})

    def forward(self, x):
        return self.mlp(x).squeeze(1)


def train(model, epochs, loader, loss_func, optim):
    for epoch in range(epochs):
        for data, labels in loader:
            loss = loss_func(model(data), labels){mark}
            loss.backward()
            optim.step()
            model.zero_grad()


if __name__ == "__main__":
    argument = parser.parse_args()
    model = Recommender(10, argument.layers, argument.dropout, head=argument.head)
    train(model, 50, loader, torch.nn.BCELoss(), torch.optim.Adam(model.parameters()))
"""
PROJECTS["an_output_layer_appended_under_a_flag_the_construction_leaves_true"] = {
    "default.py": _FLAGGED.replace("{flag}", "").replace("{mark}", "  # expect: LG002"),
    "written.py": _FLAGGED.replace("{flag}", ", output_layer=True").replace("{mark}", "  # expect: LG002"),
}
# the flag written False (no head: the MLP ends in dropout after a ReLU), or given by a name that may be a caller's
# default (the object's head unknown): silent
PROJECTS["an_output_layer_appended_under_a_flag_the_construction_leaves_true_look_alike"] = {
    "off.py": _FLAGGED.replace("{flag}", ", output_layer=False").replace("{mark}", ""),
    "named.py": _FLAGGED.replace("{flag}", ", output_layer=head").replace("{mark}", ""),
}


# skydvn/CVAE-Pytorch's Decoder fills an empty nn.Sequential with add_module, its arguments written by name
# (interp/sequential_subclasses.added_module); here without the repository's loop, whose last iteration's branch
# gives the last layer (still not followed)
_ADDED = """
import torch
import torch.nn.functional as F
from torch import nn


class Decoder(nn.Module):
    def __init__(self, latent_size, hidden, out_size):
        super().__init__()
        self.d_network = nn.Sequential()
        self.d_network.add_module(name="L0", module=nn.Linear(latent_size, hidden))
        self.d_network.add_module(name="A0", module=nn.ReLU())
        self.d_network.add_module({last})

    def forward(self, z):
        return self.d_network(z)


model = Decoder(16, 256, 784)
optimizer = torch.optim.Adam(model.parameters())
for z, x in loader:
    optimizer.zero_grad()
    recon = model(z)
    loss = F.binary_cross_entropy(recon, x.view(-1, 784)){mark}
    loss.backward()
    optimizer.step()
"""
PROJECTS["layers_added_by_name_to_an_empty_sequential"] = {
    "keywords.py": _ADDED.replace("{last}", 'name="L1", module=nn.Linear(hidden, out_size)').replace("{mark}", "  # expect: LG002"),
    "mixed.py": _ADDED.replace("{last}", '"L1", module=nn.Linear(hidden, out_size)').replace("{mark}", "  # expect: LG002"),
}
# the last layer a sigmoid; a keyword add_module does not take (the layers are then unknown)
PROJECTS["layers_added_by_name_to_an_empty_sequential_look_alike"] = {
    "sigmoid.py": _ADDED.replace("{last}", 'name="L1", module=nn.Sequential(nn.Linear(hidden, out_size), nn.Sigmoid())').replace("{mark}", ""),
    "unknown.py": _ADDED.replace("{last}", 'name="L1", layer=nn.Linear(hidden, out_size)').replace("{mark}", ""),
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_mut26_projects(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
