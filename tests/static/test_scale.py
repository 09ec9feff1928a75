"""The checker's work grows linearly with a file of many training functions (Round 37, docs/performance.md).

Work is counted, not timed: the number of ``ast.iter_child_nodes`` calls (every ``ast.walk`` and every scope walk
makes one per node it visits) for a file of N copies of a training function and for one of 2N. A rule that walks
the whole module for each site it examines makes the count grow four times; linear work, twice.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from lossguard.static.engine import check_files

HEAD = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"

FUNCTION = """
def train_{i}(model, loader, opt):
    criterion = nn.CrossEntropyLoss()
    for x, y in loader:
        out = model(x)
        p = F.softmax(out, dim=1)
        loss = criterion(p, y)
        loss.backward()
        opt.step()
"""

SCRIPT_BLOCK = """
criterion_{i} = nn.CrossEntropyLoss()
for x, y in loader:
    out = model(x)
    p = F.softmax(out, dim=1)
    loss = criterion_{i}(p, y)
    loss.backward()
    opt.step()
"""

SCRIPT_HEAD = "model = nn.Linear(3, 4)\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\nloader = []\n"


def _work(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    path = tmp_path / f"train_{len(text)}.py"
    path.write_text(text)
    calls = 0
    real = ast.iter_child_nodes

    def counted(node: ast.AST):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(node)

    with monkeypatch.context() as m:
        m.setattr(ast, "iter_child_nodes", counted)
        result = check_files([path])
    return calls, len(result.findings)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: HEAD + "".join(FUNCTION.format(i=i) for i in range(n)), id="functions"),
        pytest.param(lambda n: HEAD + SCRIPT_HEAD + "".join(SCRIPT_BLOCK.format(i=i) for i in range(n)), id="module-script"),
    ],
)
def test_work_grows_linearly_with_copies_of_a_training_function(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make) -> None:  # type: ignore[no-untyped-def]
    small, small_findings = _work(tmp_path, make(40), monkeypatch)
    large, large_findings = _work(tmp_path, make(80), monkeypatch)
    assert small_findings > 0 and large_findings == 2 * small_findings
    assert large / small < 2.5, (small, large)  # linear: about 2.0; a walk of the module per site: about 3.8


def test_tree_index_answers_what_a_walk_of_the_tree_would() -> None:
    from lossguard.static.tree_index import ancestors, class_of_member, loop_with_body

    tree = ast.parse(
        "class A:\n    def f(self):\n        for x in y:\n            if isinstance(c, B):\n                c(x)\n"
        "    class Inner:\n        def g(self):\n            while t:\n                pass\n"
    )
    cls_a = tree.body[0]
    f = cls_a.body[0]
    inner = cls_a.body[1]
    loop = f.body[0]
    call = loop.body[0].body[0].value
    for n in ast.walk(tree):  # the first answer of a walk, as each look-up stops at
        if isinstance(n, ast.ClassDef) and any(item is f for item in n.body):
            assert class_of_member(tree, f) is n is cls_a
            break
    assert class_of_member(tree, inner.body[0]) is inner
    assert class_of_member(tree, loop) is None  # a statement of a method is no member of the class
    assert loop_with_body(tree, loop.body) is loop
    assert loop_with_body(tree, list(loop.body)) is None  # an equal list that is not the loop's body
    assert [type(n).__name__ for n in ancestors(tree, call)] == ["Module", "ClassDef", "FunctionDef", "For", "If", "Expr"]
    assert ancestors(f, call)[0] is f and ancestors(inner, call) == []
