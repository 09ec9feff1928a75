"""LG014 missing-zero-grad: a training loop with backward() and step() but no zero_grad()."""

from __future__ import annotations

import re

import ast
from typing import TYPE_CHECKING

from lossguard.static.events import LoopSummary
from lossguard.static.rule import Rule
from lossguard.static import torch_api as api
from lossguard.static.values import External, Optimizer, Unknown

_NOT_CLEARING = {"clip_grad_norm_", "clip_grad_value_", "requires_grad_", "no_grad", "enable_grad", "set_grad_enabled", "backward", "manual_backward"}


_CLEARING = re.compile(r"zero|(reset|clear|free|set|drop).*grad|grad.*(reset|clear|none)")


def _clears_grads(name: str) -> bool:
    low = name.lower()
    if low in _NOT_CLEARING or low.startswith("clip_grad"):
        return False
    return low == "<set-grad>" or _CLEARING.search(low) is not None


if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.project import ModuleInfo


def _optimizer_like(node: ast.AST, module: "ModuleInfo") -> bool:
    text = module.segment(node).lower()
    last = text.rsplit(".", 1)[-1]
    return "optim" in last or last in ("opt", "optimiser") or last.startswith("opt_") or last.endswith("_opt")


def _created_in_loop(step: ast.Call, loop: ast.AST, module: "ModuleInfo") -> bool:
    """Whether the optimizer whose step() is called is (re)built inside the loop body."""
    receiver = module.segment(step.func.value) if isinstance(step.func, ast.Attribute) else ""
    return any(
        isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and any(module.segment(t) == receiver for t in node.targets)
        for node in ast.walk(loop)
    )


class MissingZeroGrad(Rule):
    code = "LG014"

    def on_loop(self, loop: LoopSummary) -> None:
        module = loop.ctx.module
        backward = False
        step: ast.Call | None = None
        for name, receiver, node in loop.calls:
            if name in ("backward", "manual_backward"):
                backward = True
            elif _clears_grads(name):
                return
            elif name == "step" and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                n_args = len(node.args) + len(node.keywords)
                if isinstance(receiver, Optimizer) and not n_args:
                    step = step or node
                elif isinstance(receiver, Unknown) and not n_args and _optimizer_like(node.func.value, module):
                    step = step or node
                elif isinstance(receiver, External) and receiver.qname in api.GRAD_SCALERS:
                    step = step or node  # scaler.step(optimizer)
                elif n_args == 1 and len(node.args) == 1 and _optimizer_like(node.args[0], module):
                    step = step or node  # scaler.step(optimizer) with a scaler lossguard cannot see
        if not backward or step is None:
            return
        if _created_in_loop(step, loop.node, module):
            return  # a fresh optimizer every iteration: not a training loop over steps
        self.report(
            step,
            loop.ctx,
            "this loop calls backward() and step() but never clears the gradients; they accumulate across "
            "steps: call optimizer.zero_grad() every step",
        )

    VALID = (
        """
import torch

def compare(model_a, model_b, x, iterations=3):
    for _ in range(iterations):
        model_a(x).sum().backward()
        model_b(x).sum().backward()
        opt = torch.optim.SGD(model_a.parameters(), lr=0.01)   # a fresh optimizer each time
        opt.step()
""",
        """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    optimizer.zero_grad(set_to_none=True)
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
""",
        """
for step, (x, y) in enumerate(loader):
    loss = criterion(model(x), y) / accum_steps
    loss.backward()
    if (step + 1) % accum_steps == 0:
        optimizer.step()
        model.zero_grad()
""",
        """
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    for p in model.parameters():
        p.grad = None
""",
    )
    INVALID = (
        """
import torch

optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(epochs):
    for x, y in loader:
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()  # expect: LG014
""",
        """
def train(model, loader, optimizer, criterion, scaler):
    for x, y in loader:
        with torch.autocast("cuda"):
            loss = criterion(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)  # expect: LG014
        scaler.update()
""",
    )
