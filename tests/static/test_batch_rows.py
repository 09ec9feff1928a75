"""LG006's reading of a loop over the rows of one batch a function was given (rules/_batch_rows.py)."""

from __future__ import annotations

import ast

import pytest

from lossguard.static.rules._batch_rows import sums_rows_of_one_batch, walks_one_batch

MODULE = """
import torch.nn as nn
import torch.nn.functional as F

crit = nn.CrossEntropyLoss()
net = Net()


def image_loss(p, t):
    return F.l1_loss(p, t)


def helper(preds, targets, model):
    total = 0.0
    LOOP
        BODY
    return total
"""


def _rows(loop: str, body: str) -> bool:
    tree = ast.parse(MODULE.replace("LOOP", loop).replace("BODY", body))
    func = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "helper")
    outer = next(n for n in func.body if isinstance(n, ast.For))
    target = next(n.target for n in ast.walk(outer) if isinstance(n, ast.AugAssign))
    return sums_rows_of_one_batch(func, (outer,), target, tree)


@pytest.mark.parametrize(
    "loop, body",
    [
        ("for p, t in zip(preds, targets):", "total += image_loss(p, t)"),
        ("for i, (p, t) in enumerate(zip(preds, targets)):", "total += crit(p, t)"),
        ("for i in range(len(preds)):", "total += F.mse_loss(preds[i], targets[i])"),
        ("for i in range(preds.size(0)):", "total += (preds[i] - targets[i]).abs().sum()"),
        ("for i in range(preds.shape[0]):", "total += image_loss(preds[i], targets[i])"),
    ],
)
def test_rows_of_the_batch_given(loop: str, body: str) -> None:
    assert _rows(loop, body)


@pytest.mark.parametrize(
    "loop, body",
    [
        ("for p, t in preds:", "total += image_loss(p, t)"),  # a bare parameter: a data source as often as a batch
        ("for p, t in zip(preds, targets):", "total += crit(model(p), t)"),  # a model handed in
        ("for i in range(len(preds)):", "total += crit(net(preds[i]), targets[i])"),  # a module-level model
        ("for p, t in zip(preds, targets):", "total += self.crit(p, t)"),  # an attribute of the object
        ("for p, t in zip(preds, targets):", "total += unknown_helper(p, t)"),  # a name the checker cannot place
        ("for i in range(len(loaders)):", "total += image_loss(preds[i], targets[i])"),  # not a parameter
        ("for i in range(steps):", "total += image_loss(preds, targets)"),
    ],
)
def test_other_loops_are_not_rows_of_one_batch(loop: str, body: str) -> None:
    assert not _rows(loop, body)


BATCH_LOOP = """
def evaluate(decoder, loader, lengths):
    BEFORE
    for images, texts in loader:
        BIND
        loss = 0.0
        LOOP
            loss += crit(decoder(images), target[t])
"""


def _one_batch(before: str, bind: str, loop: str) -> bool:
    code = BATCH_LOOP.replace("BEFORE", before).replace("BIND", bind).replace("LOOP", loop)
    tree = ast.parse(code)
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef)
    outer = next(n for n in func.body if isinstance(n, ast.For))
    inner = next(n for n in ast.walk(outer) if isinstance(n, ast.For) and isinstance(n.iter, ast.Call) and ast.unparse(n.iter.func) == "range")
    return walks_one_batch(outer, inner, func)


@pytest.mark.parametrize(
    "loop",
    [
        "for t in range(target.shape[0]):",
        "for t in range(1, target.shape[0]):",
        "for t in range(target.size(0)):",
        "for t in range(len(target)):",
    ],
)
def test_positions_of_a_tensor_the_batch_loop_binds(loop: str) -> None:
    assert _one_batch("pass", "target = encode(texts)", loop)


@pytest.mark.parametrize(
    "before, bind, loop",
    [
        # bound before the batch loop too: maybe the whole data set
        ("target = encode(all_texts)", "target = target.cuda()", "for t in range(target.shape[0]):"),
        # a parameter (`lengths`), or a name the batch loop does not bind
        ("pass", "target = encode(texts)", "for t in range(lengths.shape[0]):"),
        # bound as a loop target of the batch loop, not by an assignment in its body
        ("pass", "pass", "for target in texts:\n            pass\n        for t in range(target.shape[0]):"),
        # not a count of rows
        ("pass", "target = encode(texts)", "for t in range(target.shape[1]):"),
        ("pass", "target = encode(texts)", "for t in range(steps):"),
    ],
)
def test_not_one_batch(before: str, bind: str, loop: str) -> None:
    assert not _one_batch(before, bind, loop)
