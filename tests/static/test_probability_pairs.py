"""A two-outcome distribution written by hand, ``torch.stack([1 - p, p])`` (interp/probability_pairs.py)."""

from __future__ import annotations

import ast

import pytest

from lossguard.static.interp.probability_pairs import complement_pair


def _call(source: str) -> ast.Call:
    node = ast.parse(source, mode="eval").body
    assert isinstance(node, ast.Call)
    return node


@pytest.mark.parametrize(
    "source",
    [
        "torch.stack([1 - p, p], -1)",
        "torch.stack((p, 1 - p), dim=1)",
        "torch.stack([1.0 - p, p])",
        # LM-BFF's regression target: the same scaled score on both sides
        "torch.stack([1 - (labels.view(-1) - model.lb) / (model.ub - model.lb), (labels.view(-1) - model.lb) / (model.ub - model.lb)], -1)",
        "torch.stack([1 - torch.sigmoid(z), torch.sigmoid(z)], dim=-1)",
    ],
)
def test_pairs(source: str) -> None:
    assert complement_pair(_call(source))


@pytest.mark.parametrize(
    "source",
    [
        "torch.stack([1 - p, q], -1)",  # two different expressions
        "torch.stack([2 - p, p], -1)",  # not a complement to one
        "torch.stack([p - 1, p], -1)",
        "torch.stack([1 + p, p], -1)",
        "torch.stack([1 - p, p, p], -1)",  # three items
        "torch.stack(parts, -1)",  # a list the call does not write
        "torch.stack([p], -1)",
        "torch.stack()",
    ],
)
def test_not_pairs(source: str) -> None:
    assert not complement_pair(_call(source))
