"""lossguard.static.facts: syntactic facts about classes, computed once per class."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from lossguard.static import facts
from lossguard.static.engine import check_files
from lossguard.static.no_grad_names import bound_without_grad, grad_free_names

NET = textwrap.dedent(
    """
    import torch.nn as nn


    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(4, 2)
            self._build_head()

        def _build_head(self):
            self.head = nn.Linear(2, 2)
            self._init_weights()

        def _init_weights(self):
            self.scale = 1.0

        def reset(self):
            self._init_weights()

        def forward(self, x):
            return self.head(self.fc(x)) * self.scale
    """
).lstrip()


def test_init_helpers_are_the_methods_only_construction_runs():
    cls = next(n for n in ast.parse(NET).body if isinstance(n, ast.ClassDef))
    # _init_weights is also called by reset(): not construction only
    assert facts.ModuleFacts().init_helpers(cls) == frozenset({"_build_head"})


def test_init_helpers_are_computed_once_per_class(tmp_path: Path, monkeypatch):
    # rl_games' 1,800-line A2C base class, given dozens of attributes after it is built, took 3 s
    # of CPU when every store on the instance scanned every method again (round-19 survey)
    stores = "".join(f"net.option_{i} = {i}\n" for i in range(40))
    path = tmp_path / "train.py"
    path.write_text(NET + "\n\nnet = Net()\n" + stores + "loss = nn.CrossEntropyLoss()(net(x), y)\n")
    computed = []
    real = facts._init_helpers
    monkeypatch.setattr(facts, "_init_helpers", lambda cls: computed.append(cls.name) or real(cls))
    check_files([path], jobs=1)
    assert computed == ["Net"]


def test_names_bound_only_under_no_grad() -> None:
    # Round 28 (docs/survey.md, branch survey19): which names a body binds only under `with torch.no_grad():`
    fn = ast.parse(
        textwrap.dedent(
            """
            def evaluate(model, loader, pred_in):
                import numpy as np
                for x, y in loader:
                    with torch.no_grad():
                        pred = model(x)
                        both = model(x)
                        (first, second) = model(x), model(x)
                        if (hit := model(x)) is not None:
                            pass
                        with torch.enable_grad():
                            fresh = model(x)
                        with torch.set_grad_enabled(False):
                            unsure = model(x)
                        pred_in = model(x)
                        grads = model(x)
                        feats = model(x)
                    pred = pred.cpu()
                    both = model(x)
                    grads.requires_grad_()
                    feats.requires_grad = True
                with torch.inference_mode():
                    out = model(x)
                    def helper():
                        inner = model(x)
                    np = None
                return pred, both, first, second, hit, fresh, unsure, out
            """
        )
    ).body[0]
    assert bound_without_grad(fn) == frozenset({"pred", "first", "second", "hit", "out"})
    assert grad_free_names(fn).loop_targets == frozenset({"x", "y"})
    module = ast.parse("with torch.no_grad():\n    out = net(x)\nloss = crit(out, y)\nwith no_grad():\n    other = 1\nother = 2\n")
    assert bound_without_grad(module) == frozenset({"out"})
