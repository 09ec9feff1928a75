"""Round 36 (branch attrs34, docs/survey.md "Round 36: object attribute state"): state an object keeps on ``self``
between its methods, each mechanism a project with ``# expect:`` markers and its look-alikes, run end to end through
the engine as in test_interp.py's PROJECTS. Each positive's outcome differs on main at the start of session 26
(7b7bde9a): a false alarm there is gone here, or a miss there is found here."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}


# zhuofupan/Pytorch-Deep-Neural-Networks (realcode_heldout26's false alarm): the model's forward stores its own loss on
# self.loss, and the base class's get_loss returns it when it is set, else runs cross-entropy on the forward's output
# (softmax probabilities here). The training step calls forward, then get_loss: forward sets self.loss on every path,
# so the cross-entropy branch never runs (interp/self_effects.py). Main reported LG001 there.
_OWN_LOSS = """
import torch
import torch.nn as nn


class Base(nn.Module):
    def __init__(self):
        super().__init__()
        self.loss = None
        self.criterion = nn.CrossEntropyLoss()

    def get_loss(self, output, target):
        if self.loss is not None:
            loss = self.loss
        else:
            loss = self.criterion(output, target){mark}
        return loss

    def batch_training(self, loader, optimizer):
        self.train()
        for data, target in loader:
            optimizer.zero_grad()
            output = self.forward(data)
            loss = self.get_loss(output, target)
            loss.backward()
            optimizer.step()


class Net(Base):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        y = torch.softmax(self.fc(x), dim=1)
{store}
        return y


model = Net()
model.batch_training(loader, torch.optim.Adam(model.parameters()))
"""
_ALWAYS = "        self.loss = -torch.log(y).mean()"
PROJECTS["a_loss_the_forward_always_stores_rules_out_the_fallback"] = {
    "train.py": _OWN_LOSS.replace("{store}", _ALWAYS).replace("{mark}", ""),
}
# the forward stores the loss on one path only: the fallback may run on the softmax output
PROJECTS["a_loss_the_forward_always_stores_rules_out_the_fallback_look_alike_sometimes"] = {
    "train.py": _OWN_LOSS.replace("{store}", "        if x.shape[0] > 1:\n    " + _ALWAYS).replace("{mark}", "  # expect: LG001"),
}
# the forward never stores it: the fallback runs
PROJECTS["a_loss_the_forward_always_stores_rules_out_the_fallback_look_alike_never"] = {
    "train.py": _OWN_LOSS.replace("{store}", "        self.other = y").replace("{mark}", "  # expect: LG001"),
}
# the forward stores None: the fallback runs
PROJECTS["a_loss_the_forward_always_stores_rules_out_the_fallback_look_alike_none"] = {
    "train.py": _OWN_LOSS.replace("{store}", "        self.loss = None").replace("{mark}", "  # expect: LG001"),
}
# the step calls get_loss before the forward of this iteration: the previous iteration's loss or None, not decided
PROJECTS["a_loss_the_forward_always_stores_rules_out_the_fallback_look_alike_before"] = {
    "train.py": _OWN_LOSS.replace("{store}", _ALWAYS)
    .replace("{mark}", "  # expect: LG001")
    .replace(
        "            output = self.forward(data)\n            loss = self.get_loss(output, target)",
        "            loss = self.get_loss(torch.softmax(data, dim=1), target)\n            output = self.forward(data)",
    ),
}

# the forward may return before it stores the loss: the fallback may run
PROJECTS["a_loss_the_forward_always_stores_rules_out_the_fallback_look_alike_early_return"] = {
    "train.py": _OWN_LOSS.replace("{store}", "        if x.shape[0] == 0:\n            return y\n" + _ALWAYS).replace("{mark}", "  # expect: LG001"),
}
# a tensor stored before the loop and None after get_loss in each iteration: the second iteration runs the fallback
# (the binding before the loop does not hold at the call: a loop's body is run once, from the state before it)
PROJECTS["a_loss_the_forward_always_stores_rules_out_the_fallback_look_alike_stale"] = {
    "train.py": _OWN_LOSS.replace("{store}", "        self.other = y")
    .replace("{mark}", "  # expect: LG001")
    .replace("        self.train()\n", "        self.train()\n        self.loss = torch.zeros(1)\n")
    .replace("            loss.backward()\n", "            loss.backward()\n            self.loss = None\n"),
}

# quqixun/GNN-Pytorch's Pipeline.train (mut24's qq_softmax_mlp): early stopping keeps a deep copy of the network and
# restores it with `self.model = best_model`. An attribute stored outside __init__ was unknown for the whole class;
# a store of the attribute's own object back (a copy of it, `.to(device)` of it, a local holding one of those or None)
# keeps it (interp/restored_attributes.py).
_RESTORED = """
import copy

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        return torch.softmax(self.fc(x), dim=-1)


class Pipeline:
    def __init__(self, net):
        self.model = net
        self.criterion = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.Adam(self.model.parameters())

    def train(self, loader, epochs, patience):
        best_model = None
        waited = 0
        for epoch in range(epochs):
            for x, y in loader:
                logits = self.model(x)
                loss = self.criterion(logits, y){mark}
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
            if epoch % 2 == 0:
                best_model = copy.deepcopy(self.model)
                waited = 0
            else:
                waited += 1
            if waited == patience:
{restore}
                break


pipeline = Pipeline(Net())
pipeline.train(loader, 100, 10)
"""
PROJECTS["an_attribute_restored_from_a_copy_of_itself_keeps_its_model"] = {
    "pipeline.py": _RESTORED.replace("{restore}", "                self.model = best_model").replace("{mark}", "  # expect: LG001"),
}
PROJECTS["an_attribute_restored_from_a_copy_of_itself_keeps_its_model_moved"] = {
    "pipeline.py": _RESTORED.replace("{restore}", "                self.model = best_model.to('cpu')").replace("{mark}", "  # expect: LG001"),
}
# another object stored: the attribute may hold anything
PROJECTS["an_attribute_restored_from_a_copy_of_itself_keeps_its_model_look_alike_loaded"] = {
    "pipeline.py": _RESTORED.replace("{restore}", "                self.model = torch.load('best.pt')").replace("{mark}", ""),
}
# the local is bound to something else too
PROJECTS["an_attribute_restored_from_a_copy_of_itself_keeps_its_model_look_alike_rebound"] = {
    "pipeline.py": _RESTORED.replace(
        "{restore}", "                best_model = torch.load('best.pt')\n                self.model = best_model"
    ).replace("{mark}", ""),
}

# seanswyi/sasrec-pytorch's Trainer.evaluate (mut25): `if model: self.model = model` with `model: SASRec = None`. A
# parameter declared with a module class of the checked code, stored only where it is not None, joins a model of that
# class into the attribute (an Either of the two: what both outputs agree on).
_HANDED = """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, width=16):
        super().__init__()
        self.fc = nn.Linear(width, 4)

    def forward(self, x):
        return torch.softmax(self.fc(x), dim=-1)


class Trainer:
    def __init__(self, model: Net):
        self.model = model
        self.optimizer = torch.optim.Adam(self.model.parameters())

    def train(self, loader):
        for x, y in loader:
            self.optimizer.zero_grad()
            loss = nn.functional.cross_entropy(self.model(x), y){mark}
            loss.backward()
            self.optimizer.step()

    def evaluate(self, loader, {param}):
{store}
        return [self.model(x).argmax(-1) for x, _ in loader]


model = Net(16)
trainer = Trainer(model)
trainer.train(loader)
trainer.evaluate(loader, model=model)
"""
_GUARDED = "        if model:\n            self.model = model"
PROJECTS["an_attribute_stored_from_a_parameter_of_its_declared_model_class"] = {
    "trainer.py": _HANDED.replace("{param}", "model: Net = None").replace("{store}", _GUARDED).replace("{mark}", "  # expect: LG001"),
}
PROJECTS["an_attribute_stored_from_a_parameter_of_its_declared_model_class_is_not_none"] = {
    "trainer.py": _HANDED.replace("{param}", "model: Net = None")
    .replace("{store}", "        if model is not None:\n            self.model = model")
    .replace("{mark}", "  # expect: LG001"),
}
# no declared class: unknown, as before
PROJECTS["an_attribute_stored_from_a_parameter_of_its_declared_model_class_look_alike_undeclared"] = {
    "trainer.py": _HANDED.replace("{param}", "model=None").replace("{store}", _GUARDED).replace("{mark}", ""),
}
# None may be stored: unknown, as before
PROJECTS["an_attribute_stored_from_a_parameter_of_its_declared_model_class_look_alike_unguarded"] = {
    "trainer.py": _HANDED.replace("{param}", "model: Net = None").replace("{store}", "        self.model = model").replace("{mark}", ""),
}


# alirezakazemipour/Discrete-SAC-PyTorch (mut25's as_no_zero_grad_q2): `agent = SAC(**params)` with `def __init__(self,
# **config)` was built without running __init__; it now runs with its keywords unknown (interp/open_constructions.py).
# The criterion is handed to the constructor, so the class analysed alone (its parameters unknown) finds nothing.
_AGENT = """
import torch
import torch.nn as nn


class PolicyNet(nn.Module):
    def __init__(self, n_actions):
        super().__init__()
        self.fc = nn.Linear(8, n_actions)

    def forward(self, x):
        return torch.softmax(self.fc(x), dim=-1)


class Agent:
    def __init__(self, criterion, **config):
        self.config = config
        self.lr = config["lr"]
{setattr_first}        self.policy = PolicyNet(config["n_actions"])
        self.criterion = {criterion}
{setattr_last}        self.optimizer = torch.optim.Adam(self.policy.parameters(), lr=self.lr)
        self.temperature = 1.0

    def train(self, states, actions):
        probs = self.policy(states)
        loss = self.criterion(probs, actions){mark}
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.temperature = self.temperature * 0.99
        return loss.item()


params = {"lr": 1e-3, "n_actions": 4}
agent = Agent(nn.CrossEntropyLoss(), **params)
{outside}for states, actions in loader:
    agent.train(states, actions)
"""
_LOOP = "        for key, value in config.items():\n            setattr(self, key, value)\n"


def _agent(criterion: str = "criterion", first: str = "", last: str = "", outside: str = "", mark: str = "") -> dict[str, str]:
    text = _AGENT.replace("{criterion}", criterion).replace("{setattr_first}", first).replace("{setattr_last}", last)
    return {"agent.py": text.replace("{outside}", outside).replace("{mark}", mark)}


PROJECTS["an_object_built_from_a_mapping_runs_its_kwargs_constructor"] = _agent(mark="  # expect: LG001")
# the criterion depends on the mapping: unknown
PROJECTS["an_object_built_from_a_mapping_runs_its_kwargs_constructor_look_alike_chosen"] = _agent(
    criterion='criterion if config["multi_class"] else nn.BCELoss()'
)
# attributes stored under names that are not literals: those bound before may be replaced, those after are known
PROJECTS["an_object_built_from_a_mapping_runs_its_kwargs_constructor_setattr_first"] = _agent(first=_LOOP, mark="  # expect: LG001")
PROJECTS["an_object_built_from_a_mapping_runs_its_kwargs_constructor_look_alike_setattr_last"] = _agent(last=_LOOP)
PROJECTS["an_object_built_from_a_mapping_runs_its_kwargs_constructor_dict_update_first"] = _agent(
    first="        self.__dict__.update(config)\n", mark="  # expect: LG001"
)
PROJECTS["an_object_built_from_a_mapping_runs_its_kwargs_constructor_look_alike_dict_update_last"] = _agent(
    last="        self.__dict__.update(config)\n"
)

# main.py stores into an attribute the agent's train() stores too (mut25's `agent.alpha = agent.log_alpha.exp()`): the
# agent's methods read it as unknown already, so the agent is kept (interp/outside_stores.py)
PROJECTS["a_store_into_an_attribute_its_methods_read_as_unknown_keeps_the_object"] = _agent(
    outside="agent.temperature = 0.5\n", mark="  # expect: LG001"
)
# a store into the policy network construction built: the object is forgotten, as before
PROJECTS["a_store_into_an_attribute_its_methods_read_as_unknown_keeps_the_object_look_alike"] = _agent(
    outside="agent.policy = torch.load('policy.pt')\n"
)


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_attribute_state(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
