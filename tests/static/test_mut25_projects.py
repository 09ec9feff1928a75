"""Round 35 (branch mut25, docs/survey.md "Round 35: mutations of real code"): the mechanisms the probe's misses
led to, each a project with ``# expect:`` markers and its look-alike, run end to end through the engine as in
test_interp.py's PROJECTS. Every positive here is silent on main at the start of session 25 (83c079e6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}


# nordinbelkacemi/multitask-yolo's train_one_epoch (its own bug, found in the unmutated tree): the epoch totals
# are summed key by key from a loss dict whose "total" item the loop back-propagates. The dict's items come from a
# loss function the checker cannot follow, so only the text says that `losses[key]` is, for key "total", the
# back-propagated loss. The key loop runs over the keys of a dict display that has "total".
_KEYED_TOTALS = """
import torch


def train_one_epoch(model, optimizer, loss_fn, loader):
    total_losses = {"total": 0, "xy": 0, "conf": 0, "cls": 0}
    for i in range(len(loader)):
        x, labels = loader[i]
        optimizer.zero_grad()
        y = model(x)
        losses, _ = loss_fn(y, labels)
        losses = {
            key: sum([group_losses[key] for group_losses in losses.values()])
            for key in total_losses.keys()
        }
        losses["total"].backward()
        optimizer.step(){convert}
        for key in {keys}:
            total_losses[key] += {added} / len(loader){mark}
    return total_losses
"""
PROJECTS["epoch_totals_summed_by_the_keys_of_a_dict_holding_the_back_propagated_key"] = {
    "train.py": _KEYED_TOTALS.replace("{convert}", "")
    .replace("{keys}", "total_losses.keys()")
    .replace("{added}", "losses[key]")
    .replace("{mark}", "  # expect: LG006"),
}
# the items converted to numbers first, or the key loop over keys that do not include the back-propagated one:
# nothing kept (or nothing known to be)
PROJECTS["epoch_totals_summed_by_the_keys_of_a_dict_holding_the_back_propagated_key_look_alike"] = {
    "train.py": _KEYED_TOTALS.replace("{convert}", "")
    .replace("{keys}", "total_losses.keys()")
    .replace("{added}", "losses[key].item()")
    .replace("{mark}", ""),
    "detached.py": _KEYED_TOTALS.replace("{convert}", "\n        losses = {k: v.detach() for k, v in losses.items()}")
    .replace("{keys}", "total_losses")
    .replace("{added}", "losses[key]")
    .replace("{mark}", ""),
    "others.py": _KEYED_TOTALS.replace("{convert}", "")
    .replace("{keys}", "parts")
    .replace("{added}", "losses[key]")
    .replace("{mark}", "")
    .replace('    total_losses = {"total": 0', '    parts = {"xy": 0, "cls": 0}\n    total_losses = {"total": 0'),
}


# TalhaUsuf/arcface_mnasnet_metric_learning's LitClassifier with `self.epoch_losses.append(loss)` in
# training_step (round 35 mutation): the loss comes from pytorch-metric-learning's ArcFaceLoss (unknown to the
# checker) and is returned as the "loss" item of a dict, which Lightning back-propagates: what is appended holds a
# graph until the epoch hook clears the list.
_LIT_LOSSES = """
import pytorch_lightning as pl
import torch
from pytorch_metric_learning.losses import ArcFaceLoss


class LitClassifier(pl.LightningModule):
    def __init__(self, backbone, embed_sz):
        super().__init__()
        self.backbone = backbone
        self.head = ArcFaceLoss(num_classes=10, embedding_size=embed_sz)
        self.epoch_losses = []

    def forward(self, x):
        return self.backbone(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.head(self(x), y)
        self.log("train_loss", loss)
        self.epoch_losses.append({kept}){mark}
        return {"loss": loss}

    def on_train_epoch_end(self):
        self.log("epoch_loss", torch.tensor(self.epoch_losses).mean())
        self.epoch_losses = []
"""
PROJECTS["a_lightning_step_keeps_the_loss_it_returns_in_a_dict"] = {
    "lit.py": _LIT_LOSSES.replace("{kept}", "loss").replace("{mark}", "  # expect: LG006"),
}
PROJECTS["a_lightning_step_keeps_the_loss_it_returns_in_a_dict_look_alike"] = {
    "lit.py": _LIT_LOSSES.replace("{kept}", "loss.item()").replace("{mark}", ""),
    # the dict's "loss" item is another name: what is appended is not known to be back-propagated
    "other.py": _LIT_LOSSES.replace("{kept}", "aux")
    .replace("{mark}", "")
    .replace('        self.log("train_loss", loss)\n', '        self.log("train_loss", loss)\n        aux = self.head(x, y)\n'),
}


# j-saez/pix2pix's manual-optimization Pix2Pix (round 35 mutation): the generator's optimizer, fetched as
# `self.optimizers()[GEN_OPT]` with a module constant, cleared between backward() and its step().
_PIX2PIX = """
import pytorch_lightning as pl
import torch
import torch.nn as nn

GEN_OPT = 0
DISC_OPT = 1


class Pix2Pix(pl.LightningModule):
    def __init__(self, generator, discriminator):
        super().__init__()
        self.automatic_optimization = False
        self.generator = generator
        self.discriminator = discriminator
        self.adv_loss = nn.BCEWithLogitsLoss()
        self.l1_loss = nn.L1Loss()

    def configure_optimizers(self):
        g = torch.optim.Adam(self.generator.parameters(), lr=2e-4)
        d = torch.optim.Adam(self.discriminator.parameters(), lr=2e-4)
        return [g, d], []

    def training_step(self, batch, batch_idx):
        src, tgt = batch
        fake = self.generator(src)
        out = self.discriminator(src, fake)
        loss = self.adv_loss(out, torch.ones_like(out)) + 100 * self.l1_loss(fake, tgt)
        {first}
        loss.backward()
        {second}{mark}
        self.optimizers()[GEN_OPT].step()
"""
PROJECTS["a_lightning_optimizer_fetched_by_a_constant_position_cleared_before_its_step"] = {
    "pix2pix.py": _PIX2PIX.replace("{first}", "pass")
    .replace("{second}", "self.optimizers()[GEN_OPT].zero_grad()")
    .replace("{mark}", "  # expect: LG017"),
}
# cleared before the backward; or the other position cleared (the discriminator's, which this step does not
# touch); or a position held by a local that may change: nothing reported
PROJECTS["a_lightning_optimizer_fetched_by_a_constant_position_cleared_before_its_step_look_alike"] = {
    "pix2pix.py": _PIX2PIX.replace("{first}", "self.optimizers()[GEN_OPT].zero_grad()").replace("{second}", "pass").replace("{mark}", ""),
    "other.py": _PIX2PIX.replace("{first}", "pass").replace("{second}", "self.optimizers()[DISC_OPT].zero_grad()").replace("{mark}", ""),
    "local.py": _PIX2PIX.replace("{first}", "which = batch_idx % 2")
    .replace("{second}", "self.optimizers()[which].zero_grad()")
    .replace("{mark}", "")
    .replace("self.optimizers()[GEN_OPT].step()", "self.optimizers()[which].step()"),
}


# senadkurtisi/pytorch-GCN (round 35 mutation): a graph convolution layer ends in `torch.sparse.mm(adj, x)` of its
# hand-written `x @ weight + bias`, and the loop gives the raw scores to NLLLoss. `torch.sparse.mm` (and
# `torch.spmm`) is read as the product `adj @ x`: the scores mixed linearly are still raw, not log-probabilities.
_GCN = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class GraphConv(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x, adj):
        x = x @ self.weight
        x += self.bias
        return torch.{mm}(adj, x)


class GCN(nn.Module):
    def __init__(self, n_in, hidden, classes):
        super().__init__()
        self.conv1 = GraphConv(n_in, hidden)
        self.conv2 = GraphConv(hidden, classes)

    def forward(self, x, adj):
        x = F.relu(self.conv1(x, adj))
        return {out}


def train(features, adj, labels, train_idx, epochs=200):
    model = GCN(features.shape[1], 16, 7)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    criterion = nn.NLLLoss()
    for epoch in range(epochs):
        optimizer.zero_grad()
        out = model(features, adj)
        loss = criterion(out[train_idx], labels[train_idx]){mark}
        loss.backward()
        optimizer.step()
"""
PROJECTS["a_sparse_graph_convolution_gives_raw_scores"] = {
    "gcn.py": _GCN.replace("{mm}", "sparse.mm").replace("{out}", "self.conv2(x, adj)").replace("{mark}", "  # expect: LG007"),
    "gcn_spmm.py": _GCN.replace("{mm}", "spmm").replace("{out}", "self.conv2(x, adj)").replace("{mark}", "  # expect: LG007"),
}
PROJECTS["a_sparse_graph_convolution_gives_raw_scores_look_alike"] = {
    "gcn.py": _GCN.replace("{mm}", "sparse.mm").replace("{out}", "F.log_softmax(self.conv2(x, adj), dim=1)").replace("{mark}", ""),
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_mut25_projects(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
