"""Round 39 (branch mut29, docs/survey.md "Round 39: mutations of real code"): the mechanisms the probe led to, each a
project with ``# expect:`` markers and its look-alikes, run end to end through the engine as in test_interp.py's
PROJECTS. Every positive here is silent on main at the start of session 29 (882e642a)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}


# kakusikun/deep-learning-works' CenterNet loss head (src/graph/centernet_object_detection.py, tools/utils.py,
# src/model/module/loss_module.py), unmutated: criteria kept in a dict that `__init__` fills key by key, one picked per
# output head by the loop's key under `if head == 'hm':`; the heatmap goes through a clamped sigmoid helper into a
# focal loss built on BCEWithLogitsLoss (interp/key_tests.py, and interp/sequences.py's rebind_container in __init__).
_UTILS = """
import torch


def clamped_sigmoid(x):
    y = torch.clamp(x.sigmoid_(), min=1e-4, max=1 - 1e-4)
    return y
"""
_LOSSES = """
import torch
import torch.nn as nn


class HeatmapFocalLoss(nn.Module):
    def __init__(self, a=2, b=4):
        super(HeatmapFocalLoss, self).__init__()
        self.a = a
        self.b = b
        self.basic_loss = nn.BCEWithLogitsLoss(reduction="none")

    def forward(self, feat, target):
        pos = target.eq(1)
        log_loss = self.basic_loss(feat, target){mark}
        alpha = torch.where(target.eq(1), torch.ones_like(target) * self.b, 1 - torch.ones_like(target) * self.b)
        weight = alpha * torch.pow(torch.where(target.eq(1), 1 - feat, feat), self.a)
        return (weight * log_loss).sum() / max(1.0, pos.sum())


class MaskedL1(nn.Module):
    def forward(self, output, mask, ind, target):
        return (output * mask - target * mask).abs().sum() / (mask.sum() + 1e-4)
"""
_HEAD = """
import torch.nn as nn

from pkg.losses import HeatmapFocalLoss, MaskedL1
from pkg.utils import clamped_sigmoid


class LossHead(nn.Module):
    def __init__(self):
        super(LossHead, self).__init__()
{crit}

    def forward(self, feats, batch):
        hm_loss = 0.0
        wh_loss = 0.0
        reg_loss = 0.0
        for head in feats:
            output = feats[head]
{branches}
        loss = hm_loss + wh_loss * 0.1 + reg_loss
        return loss
"""
_FILLED = """        self.crit = {}
        self.crit['hm'] = HeatmapFocalLoss()
        self.crit['wh'] = MaskedL1()
        self.crit['reg'] = MaskedL1()"""
_DISPLAY = "        self.crit = {'hm': HeatmapFocalLoss(), 'wh': MaskedL1(), 'reg': MaskedL1()}"
_BRANCHES = """            if head == 'hm':
                output = {heatmap}
                hm_loss += self.crit[head](output, batch['hm'])
            elif head == 'wh':
                wh_loss += self.crit[head](output, batch['reg_mask'], batch['ind'], batch['wh'])
            elif head == 'reg':
                reg_loss += self.crit[head](output, batch['reg_mask'], batch['ind'], batch['reg'])
            else:
                raise TypeError"""
_LITERAL_KEY = """            if head == 'hm':
                hm_loss += self.crit['hm'](clamped_sigmoid(output), batch['hm'])
            else:
                wh_loss += self.crit[head](output, batch['reg_mask'], batch['ind'], batch[head])"""
_TRAIN = """
import torch

from pkg.head import LossHead


def train(model, loader, optimizer):
    loss_head = LossHead()
    for batch in loader:
        optimizer.zero_grad()
        loss = loss_head(model(batch['inp']), batch)
        loss.backward()
        optimizer.step()
"""


def _centernet(crit: str, branches: str, mark: str = "") -> dict[str, str]:
    return {
        "pkg/__init__.py": "",
        "pkg/utils.py": _UTILS,
        "pkg/losses.py": _LOSSES.replace("{mark}", mark),
        "pkg/head.py": _HEAD.replace("{crit}", crit).replace("{branches}", branches),
        "train.py": _TRAIN,
    }


_MARK = "  # expect: LG003"
PROJECTS["a_dict_filled_in_init_read_by_the_key_an_if_tests"] = _centernet(_FILLED, _BRANCHES.replace("{heatmap}", "clamped_sigmoid(output)"), _MARK)
PROJECTS["a_dict_filled_in_init_read_at_a_literal_key"] = _centernet(_FILLED, _LITERAL_KEY, _MARK)
PROJECTS["a_dict_display_read_by_the_key_an_if_tests"] = _centernet(_DISPLAY, _BRANCHES.replace("{heatmap}", "clamped_sigmoid(output)"), _MARK)
# the raw heatmap given to the logits loss; `!=`, whose body reads the dict at any key but the literal (there a sigmoid
# into MSELoss) and whose `else` the raw heatmap into the focal loss; a test on another name than the key's
PROJECTS["a_dict_filled_in_init_look_alike"] = {
    **_centernet(_FILLED, _BRANCHES.replace("{heatmap}", "output")),
    "pkg/other.py": """
import torch
import torch.nn as nn

from pkg.losses import HeatmapFocalLoss


class NotEqual(nn.Module):
    def __init__(self):
        super(NotEqual, self).__init__()
        self.crit = {}
        self.crit['hm'] = HeatmapFocalLoss()
        self.crit['prob'] = nn.MSELoss()

    def forward(self, feats, batch):
        total = 0.0
        for head in feats:
            if head != 'hm':
                total += self.crit[head](torch.sigmoid(feats[head]), batch[head])
            else:
                total += self.crit[head](feats[head], batch[head])
        return total


class OtherName(nn.Module):
    def __init__(self):
        super(OtherName, self).__init__()
        self.crit = {}
        self.crit['hm'] = HeatmapFocalLoss()
        self.crit['prob'] = nn.MSELoss()

    def forward(self, feats, batch, kind):
        total = 0.0
        for head in feats:
            if kind == 'hm':
                total += self.crit['prob'](torch.sigmoid(feats[head]), batch[head])
        return total


def run(model, loader, optimizer):
    for net in (NotEqual(), OtherName()):
        for batch in loader:
            optimizer.zero_grad()
            loss = net(model(batch['inp']), batch) if isinstance(net, NotEqual) else net(model(batch['inp']), batch, 'hm')
            loss.backward()
            optimizer.step()
""",
}


# ncarrara/continous-dqn's ncarrara/utils_rl/algorithms/dqn.py (PyTorch's DQN tutorial's update): each parameter's
# gradient clamped in place by a loop between the backward and the step (rules/_step_orders.py's clamps_gradients).
_DQN = """
import torch
import torch.nn.functional as F


class DQN:
    def __init__(self, policy_net, target_net, gamma):
        self.policy_net = policy_net
        self.target_net = target_net
        self.gamma = gamma
        self.optimizer = torch.optim.RMSprop(self.policy_net.parameters(), lr=1e-3)

    def optimize_model(self, memory, batch_size):
        for _ in range(100):
            state, action, reward, next_state = memory.sample(batch_size)
            q = self.policy_net(state).gather(1, action)
            next_q = self.target_net(next_state).max(1)[0].detach()
            expected = next_q * self.gamma + reward
            loss = F.smooth_l1_loss(q, expected.unsqueeze(1))
{update}
"""
_CLAMP = """            for param in self.policy_net.parameters():
                param.grad.data.clamp_(-1, 1)"""
_GUARDED_CLAMP = """            for p in self.policy_net.parameters():
                if p.grad is not None:
                    p.grad.clamp_(min=-1.0, max=1.0)"""


def _dqn(order: str) -> str:
    return _DQN.replace("{update}", order)


PROJECTS["a_gradient_clamping_loop_after_the_clear"] = {
    "clamp.py": _dqn(
        "            loss.backward()\n            self.optimizer.zero_grad()  # expect: LG017\n" + _CLAMP + "\n            self.optimizer.step()"
    ),
    "guarded.py": _dqn(
        "            loss.backward()\n            self.optimizer.zero_grad()  # expect: LG017\n"
        + _GUARDED_CLAMP
        + "\n            self.optimizer.step()"
    ),
}
# the repository's order; a loop that puts saved gradients back after the clear (it makes gradients: the step applies them)
PROJECTS["a_gradient_clamping_loop_after_the_clear_look_alike"] = {
    "ordered.py": _dqn("            self.optimizer.zero_grad()\n            loss.backward()\n" + _CLAMP + "\n            self.optimizer.step()"),
    "copied.py": _dqn(
        "            loss.backward()\n            grads = [p.grad.clone() for p in self.policy_net.parameters()]\n"
        "            self.optimizer.zero_grad()\n"
        "            for p, g in zip(self.policy_net.parameters(), grads):\n                p.grad.data.copy_(g)\n"
        "            self.optimizer.step()"
    ),
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_mut29_projects(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
