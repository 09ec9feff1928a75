"""The bound on the contexts one function is analysed in (``interp.calls.MAX_CONTEXTS``): a test
module that builds a library's model dozens of times with other settings made the interpreter
analyse its methods once per receiver and arguments (neural_prophet's ``tests/test_integration.py``,
6-7 CPU s, round-19 survey). A further context gets the function analysed once with its
arguments and receiver unknown, its events dropped."""

from __future__ import annotations

from pathlib import Path

from lossguard.static.engine import check_files
from lossguard.static.interp import calls
from lossguard.static.interp.core import Interpreter

LIBRARY = """
import torch
import torch.nn as nn
import torch.nn.functional as F


def check_frame(df, name, strict=False):
    if strict:
        return df
    return df


class Forecaster:
    def __init__(self, lags=0, hidden=16):
        self.lags = lags
        self.net = nn.Sequential(nn.Linear(4 + lags, hidden), nn.ReLU(), nn.Linear(hidden, 3))
        self.optimizer = torch.optim.Adam(self.net.parameters())

    def fit(self, df, epochs=10):
        df = check_frame(df, "fit", strict=epochs > 5)
        for _ in range(epochs):
            self.optimizer.zero_grad()
            out = F.softmax(self.net(torch.randn(8, 4 + self.lags)), dim=1)
            loss = F.cross_entropy(out, torch.randint(0, 3, (8,)))
            loss.backward()
            self.optimizer.step()
"""


def _tests(n: int) -> str:
    return "import torch\nfrom library import Forecaster\n\n" + "".join(
        f"\ndef test_{i}():\n    m = Forecaster(lags={i}, hidden={8 + i})\n    m.fit('df_{i}', epochs={i})\n    assert m.net is not None  # train_loss\n"
        for i in range(40)
    )


def test_a_function_reached_in_many_contexts_is_analysed_in_at_most_the_bound(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "library.py").write_text(LIBRARY)
    target = tmp_path / "test_integration.py"
    target.write_text(_tests(40))
    bodies: list[str] = []
    run_block = Interpreter.exec_block

    def counting(self, stmts, frame, env):  # type: ignore[no-untyped-def]
        if frame.func is not None and stmts is frame.func.body and frame.func.name in ("fit", "check_frame"):
            bodies.append(frame.func.name)
        return run_block(self, stmts, frame, env)

    monkeypatch.setattr(Interpreter, "exec_block", counting)
    result = check_files([target, tmp_path / "library.py"], jobs=1)
    # each of 40 receivers: `fit` once per context up to the bound, then one summary per way it is called
    # (40 times each without the bound)
    assert calls.MAX_CONTEXTS <= 8
    assert bodies.count("fit") <= calls.MAX_CONTEXTS + 2, bodies.count("fit")
    assert bodies.count("check_frame") <= calls.MAX_CONTEXTS + 2, bodies.count("check_frame")
    # the finding in fit's own body is still reported, once
    codes = sorted((Path(f.path).name, f.line, f.code) for f in result.findings)
    assert codes == [("library.py", 24, "LG001")], codes


ESTIMATORS = """
import torch
import torch.nn as nn


class Regressor:
    def __init__(self, width=10):
        self.width = width
        self.model = nn.Linear(4, 1)

    def _train(self, x, y):
        loss_fn = nn.MSELoss(size_average=False)
        optimizer = torch.optim.Adam(self.model.parameters())
        for _ in range(3):
            optimizer.zero_grad()
            loss = loss_fn(self.model(x), y)
            loss.backward()
            optimizer.step()

    def fit(self, x, y):
        self._train(x, y)
        return self


estimators = [{instances}]
for estimator in estimators:
    estimator.fit(torch.randn(8, 4), torch.randn(8, 1))
"""


def test_analyses_whose_events_are_dropped_do_not_spend_the_live_budget(tmp_path: Path) -> None:
    # simisimon/kaggle-notebooks' zillow regression notebook (four estimators, while the bound was 4): the
    # loop's call on a choice of estimators analyses each option's fit with its events dropped, which spent
    # the method's contexts; the live call then got only the context-free summary, and the method's own
    # LG010 (MSELoss(size_average=False)) was never reported
    instances = ", ".join(f"Regressor(width={10 * (i + 1)})" for i in range(calls.MAX_CONTEXTS))
    target = tmp_path / "notebook.py"
    target.write_text(ESTIMATORS.replace("{instances}", instances))
    result = check_files([target], jobs=1)
    assert sorted((f.line, f.code) for f in result.findings) == [(12, "LG010")]


def _flood(helpers: int, contexts: int) -> str:
    """A module of ``helpers`` small functions, each called in ``contexts`` contexts, then a training
    function with a softmax fed to cross_entropy, reached after them."""
    defs = "".join(f"\ndef step_{j}(x, scale):\n    y = x * scale\n    if scale > 2:\n        y = y + 1\n    return y\n" for j in range(helpers))
    runs = "".join(f"    step_{j}(x, {c})\n" for j in range(helpers) for c in range(contexts))
    return (
        "import torch\nimport torch.nn.functional as F\n"
        + defs
        + "\n\ndef prepare(x):\n"
        + runs
        + "    return x\n\n\ndef train(model, x, y):\n    x = prepare(x)\n    out = F.softmax(model(x), dim=1)\n"
        + "    loss = F.cross_entropy(out, y)\n    loss.backward()\n"
    )


def test_a_file_past_its_budget_gives_each_further_function_one_context(tmp_path: Path, monkeypatch) -> None:
    # the slowest files of the surveys spend most of their time on second and later contexts of many
    # library helpers (neural_prophet's plotting and data-frame functions): past CONTEXT_BUDGET analyses
    # in one file, a function already analysed once gets its context-free summary
    target = tmp_path / "train.py"
    target.write_text(_flood(helpers=60, contexts=calls.MAX_CONTEXTS))
    bodies: list[str] = []
    run_block = Interpreter.exec_block

    def counting(self, stmts, frame, env):  # type: ignore[no-untyped-def]
        if frame.func is not None and stmts is frame.func.body and frame.func.name.startswith("step_"):
            bodies.append(frame.func.name)
        return run_block(self, stmts, frame, env)

    monkeypatch.setattr(Interpreter, "exec_block", counting)
    budget = calls.CONTEXT_BUDGET
    bounded = check_files([target], jobs=1)
    spent = len(bodies)
    bodies.clear()
    monkeypatch.setattr(calls, "CONTEXT_BUDGET", 10**9)
    unbounded = check_files([target], jobs=1)
    assert len(bodies) >= 60 * calls.MAX_CONTEXTS, len(bodies)
    # each helper: its analysis as an uncalled function, and past the budget one live context and one summary
    assert spent <= budget + 3 * 60 < len(bodies), (spent, len(bodies))
    # the finding in a function reached after the budget is spent is still reported (its first context)
    found = sorted((f.line, f.code) for f in bounded.findings)
    assert found == sorted((f.line, f.code) for f in unbounded.findings)
    assert [code for _, code in found] == ["LG001"], found
