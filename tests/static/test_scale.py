"""Large runs: batches with their own project and interpreter, worker processes, crashes.

Speed and memory are measured by ``bench/static_speed.py --tree`` (docs/performance.md);
these tests check that batching and workers do not change what is found.
"""

from __future__ import annotations

import ast
import gc
import json
import os
import textwrap
from pathlib import Path

import pytest

from lossguard.static import engine, lazy_bodies, pool, project, sources
from lossguard.static.engine import check_files
from lossguard.static.interp import sibling_stores
from tests.cli_support import run
from tests.static.batch_projects import MODELS

ROOT = Path(__file__).resolve().parents[2]

# reaches models.step with a softmax: the finding is in zz_models.py, checked in the last batch
CALLER = textwrap.dedent(
    """
    import torch

    from zz_models import Net, step

    model = Net()
    loss = step(model, lambda t: torch.softmax(t, dim=1), x, y)
    loss.backward()
    """
).lstrip()

BUGGY = textwrap.dedent(
    """
    import torch
    import torch.nn as nn

    criterion = nn.CrossEntropyLoss()
    probs = torch.softmax(model(x), dim=1)
    loss = criterion(probs, y){comment}
    """
).lstrip()


def _project(root: Path, n: int = 230) -> list[Path]:
    """``n`` files over three batches: buggy, silenced, clean, broken, and one cross-file call."""
    root.mkdir()
    (root / "zz_models.py").write_text(MODELS)
    (root / "a000_caller.py").write_text(CALLER)
    for i in range(1, n):
        kind = i % 5
        if kind == 0:
            text = BUGGY.format(comment="")
        elif kind == 1:
            text = BUGGY.format(comment="  # noqa: LG001")
        elif kind == 2:
            text = "import torch\n\nx = torch.zeros(3)\n"
        elif kind == 3:
            text = "import torch\ndef f(:\n    loss.backward()\n"
        elif i % 10 == 4:
            text = "import torch.nn.functional as F\n\nloss = F.cross_entropy(F.softmax(z, dim=1), y)\nloss.backward()\n"  # with a fix
        else:
            text = f"value = {i}\n"
        (root / f"a{i:03d}.py").write_text(text)
    return sorted(root.glob("*.py"))


def _plain(result: engine.CheckResult) -> tuple[list[dict], list[tuple[str, str]], int]:
    return [f.to_dict() for f in result.findings], [(e.path, e.reason) for e in result.errors], result.files_checked


def test_batches_and_workers_find_what_one_batch_finds(tmp_path, monkeypatch):
    files = _project(tmp_path / "proj")
    assert len(files) > 2 * engine.BATCH_FILES  # three batches
    sequential = _plain(check_files(files, jobs=1))
    with_workers = _plain(check_files(files, jobs=2))
    monkeypatch.setattr(engine, "BATCH_FILES", 10_000)
    one_batch = _plain(check_files(files, jobs=1))
    assert sequential == with_workers == one_batch
    findings, errors, checked = one_batch
    assert checked == len(files)
    codes = sorted((Path(f["path"]).name, f["code"]) for f in findings)
    assert ("zz_models.py", "LG001") in codes  # found while analysing a000_caller.py, two batches earlier
    assert codes.count(("a010.py", "LG001")) == 1
    fixed_kind = [i for i in range(1, 230) if i % 10 == 4]
    assert sum(1 for _, code in codes if code == "LG001") == 1 + len([i for i in range(1, 230) if i % 5 == 0]) + len(fixed_kind)
    assert len(errors) == len([i for i in range(1, 230) if i % 5 == 3])
    fixable = [f for f in findings if f["path"].endswith(tuple(f"a{i:03d}.py" for i in fixed_kind))]
    assert len(fixable) == len(fixed_kind)
    assert all(f["autofix"]["edits"] for f in fixable)  # computed in the workers, sent back


@pytest.mark.integration  # two CLI runs with forked workers, one of which is made to crash
@pytest.mark.skipif(not pool.available(), reason="workers are forked; fork is not available here")
def test_a_worker_crash_loses_only_that_files_findings(tmp_path):
    _project(tmp_path / "proj")
    env = {**os.environ, "PYTHONPATH": str(ROOT), engine.JOBS_ENV: "2"}

    def check(**extra: str) -> tuple[int, list[dict], str]:
        proc = run("check", "--isolated", "--format", "json", ".", cwd=tmp_path / "proj", env={**env, **extra}, timeout=600)
        return proc.returncode, json.loads(proc.stdout), proc.stderr

    rc, findings, stderr = check()
    crash_rc, crash_findings, crash_stderr = check(**{pool.CRASH_ENV: "a005.py"})
    assert rc == crash_rc == 2  # the broken files, and the crash
    assert "a005.py: internal error: the process checking this file crashed" in crash_stderr
    assert "crashed" not in stderr
    # every other file's entries (findings, and the files not checked) are the same; the crashed
    # file is listed as not checked, with the crash as the reason
    assert [f for f in findings if f["path"] != "a005.py"] == [f for f in crash_findings if f["path"] != "a005.py"]
    crashed = [f for f in crash_findings if f["path"] == "a005.py"]
    assert [(f["kind"], f["reason"]) for f in crashed] == [
        ("not-checked", "internal error: the process checking this file crashed; please report it")
    ]
    assert {"a005.py", "a010.py", "a225.py", "zz_models.py"} <= {f["path"] for f in findings if f["kind"] == "finding"}


# --------------------------------------------------------------- lazy function bodies

LAZY_SOURCE = (
    "def top(a,\n        b):\n    '''doc'''\n    return a + b\n\n\n"
    "class Net:\n"
    "    @staticmethod\n    def helper(x):\n        y = x * 2\n        return y\n\n"
    "    async def fetch(self):\n        async for item in self.items:\n            yield item\n\n"
    "    def outer(self):\n        def inner(t):\n            nonlocal_value = 'é' * 3  # non-ASCII: columns are bytes\n            return t\n        return inner\n"
    "\nif 1:\n\ttry:\n\t    def in_try(z):\n\t        w = z\n\t\n\t        \n\t        return w\n\texcept ImportError:\n\t    pass\n"
    "if True:\n    def conditional():\n        return \\\n            1\n"
    "def old_code(x):\n    x.cuda(async=True)\n    return x\n"
    "\x0cdef after_form_feed(q):\n    s = '''a\nmulti-line\nstring'''\n    return q"
)


def _outer_defs(stmts):
    """The functions that are not inside another function, without reading any function's body."""
    for s in stmts:
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield s
        else:
            for name in ("body", "orelse", "finalbody", "handlers"):
                yield from _outer_defs(getattr(s, name, []))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_deferred_body_is_the_body_an_eager_parse_gives(newline):
    source = LAZY_SOURCE.replace("\n", newline)
    eager = sources.parse(source)
    lazy = sources.parse(source)
    deferred = lazy_bodies.defer_bodies(lazy, source)
    functions = [n for n in ast.walk(eager) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    assert len(functions) == 9 and deferred == 8  # inner is inside outer's body, deferred with it
    bodies = [n.body for n in _outer_defs(lazy.body)]  # (ast.walk would fill every body)
    assert sum(isinstance(b, lazy_bodies.LazyBody) and not b.loaded for b in bodies) == deferred
    # reading the lazy tree (which fills every body it reaches) gives exactly the eager tree
    assert ast.dump(lazy, include_attributes=True) == ast.dump(eager, include_attributes=True)
    assert all(b.loaded for b in bodies if isinstance(b, lazy_bodies.LazyBody))


def test_a_body_is_parsed_once_and_keeps_its_identity():
    tree = sources.parse(LAZY_SOURCE)
    lazy_bodies.defer_bodies(tree, LAZY_SOURCE)
    top = tree.body[0]
    assert isinstance(top.body, lazy_bodies.LazyBody) and not top.body.loaded
    first = top.body[0]
    assert top.body.loaded and len(top.body) == 2 and top.body[0] is first
    assert [type(s).__name__ for s in top.body] == ["Expr", "Return"] and first in top.body
    # the Python 3.6 grammar (async as a name) is read by the whole-file fallback
    old = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "old_code")
    assert isinstance(old.body[0].value, ast.Call) and old.body[0].value.keywords[0].arg == "async"


HELPERS = textwrap.dedent(
    """
    import torch


    def to_probs(logits):
        scores = logits * 1.0
        return torch.softmax(scores, dim=1)


    def never_called(x):
        y = x + 1
        z = y * 2
        return z
    """
).lstrip()

TRAIN = textwrap.dedent(
    """
    import torch.nn as nn

    from helpers import to_probs

    criterion = nn.CrossEntropyLoss()
    loss = criterion(to_probs(model(x)), y)
    loss.backward()
    """
).lstrip()


def test_an_imported_functions_body_is_read_when_called_and_only_then(tmp_path, monkeypatch):
    (tmp_path / "helpers.py").write_text(HELPERS)
    (tmp_path / "train.py").write_text(TRAIN)
    loaded: list = []
    original = project.Project.load

    def load(self, path, source=None, tree=None):  # records the modules loaded; changes nothing
        info = original(self, path, source, tree)
        loaded.append(info)
        return info

    monkeypatch.setattr(project.Project, "load", load)
    lazy = _plain(check_files([tmp_path / "train.py"], jobs=1))
    helpers = next(i for i in loaded if i.path.name == "helpers.py")
    bodies = {n.name: n.body for n in helpers.module.body if isinstance(n, ast.FunctionDef)}
    assert bodies["to_probs"].loaded and not bodies["never_called"].loaded
    monkeypatch.setattr(project, "LAZY_BODIES", False)
    eager = _plain(check_files([tmp_path / "train.py"], jobs=1))
    assert lazy == eager
    assert [(Path(f["path"]).name, f["code"], f["line"]) for f in lazy[0]] == [("train.py", "LG001", 6)]


LIBRARY = textwrap.dedent(
    """
    import torch

    _cache = None


    def cached_criterion():
        global _cache, _weights
        _cache = torch.nn.CrossEntropyLoss()
        return _cache


    def plot_history(history):
        \"\"\"Draw the curves. A global view: the word alone, in a docstring or a comment, is no statement.\"\"\"
        global_step = len(history)  # not `global`
        return global_step


    class Trainer:
        def fit(self, data):
            for batch in data:
                self.step(batch)
            return self

        def reset(self):
            global _counter; _counter = 0
            return self
    """
).lstrip()


def test_the_names_a_module_binds_are_found_without_parsing_every_body(tmp_path):
    """``binds_at_top`` (asked when a name is read before it is bound) looks into a function body not
    parsed yet only when its text may hold a ``global`` statement: the walk used to parse every
    function of every imported module."""
    (tmp_path / "library.py").write_text(LIBRARY)
    info = project.Project().load(tmp_path / "library.py")
    tops = [*info.module.body, *next(n for n in info.module.body if isinstance(n, ast.ClassDef)).body]  # no walk: it would parse
    defs = {n.name: n for n in tops if isinstance(n, ast.FunctionDef)}
    assert all(isinstance(d.body, lazy_bodies.LazyBody) and not d.body.loaded for d in defs.values())
    assert info.binds_at_top("_weights") and info.binds_at_top("_counter") and info.binds_at_top("Trainer")
    assert not info.binds_at_top("global_step") and not info.binds_at_top("history")
    assert not defs["plot_history"].body.loaded and not defs["fit"].body.loaded
    assert defs["cached_criterion"].body.loaded and defs["reset"].body.loaded


def test_the_collector_is_paused_inside_a_batch_and_restored_after(tmp_path):
    (tmp_path / "helpers.py").write_text(HELPERS)
    (tmp_path / "train.py").write_text(TRAIN)
    seen: list[bool] = []
    original = project.Project.load

    def load(self, path, source=None, tree=None):  # records the collector's state during the batch
        seen.append(gc.isenabled())
        return original(self, path, source, tree)

    try:
        project.Project.load = load
        assert gc.isenabled()
        first = _plain(check_files([tmp_path / "train.py"], jobs=1))
        assert gc.isenabled() and seen and not any(seen)
        gc.disable()  # a caller that turned it off keeps it off
        assert _plain(check_files([tmp_path / "train.py"], jobs=1)) == first
        assert not gc.isenabled()
    finally:
        gc.enable()
        project.Project.load = original


HOOKS = textwrap.dedent(
    """
    from probes import Probe


    class OnlineEvaluator:
        def on_fit_start(self, trainer, pl_module):
            pl_module.probe = Probe(4, 10)
            return None

        def on_train_batch_end(self, trainer, pl_module, batch):
            logits = pl_module.probe(batch)
            return logits

        def log_metrics(self, trainer, pl_module):
            trainer.logger.log(pl_module.current_epoch)
            return trainer

        def on_save(self, trainer, pl_module, checkpoint):
            checkpoint["epoch"] = trainer.current_epoch
            return checkpoint


    class Renamer:
        def on_fit_start(self, trainer, pl_module):
            pl_module.probe = Probe(4, 10)
            return None

        def on_train_batch_end(self, trainer, pl_module, batch):
            logits = pl_module.probe(batch)
            return logits

        def rename(self, trainer, pl_module, name):
            setattr(pl_module, name, pl_module.probe)
            return pl_module
    """
).lstrip()


@pytest.mark.parametrize("lazy", [True, False])
def test_a_sibling_store_is_found_without_parsing_the_methods_that_cannot_hold_it(tmp_path, lazy):
    """``interp.sibling_stores`` walks a method of an imported class only when its text may hold the
    store asked about: walking the whole class parsed every body of a 5,800-line class (darts'
    ``TimeSeries``). The answers are the eager parse's."""
    (tmp_path / "hooks.py").write_text(HOOKS)
    info = project.Project(lazy_bodies=lazy).load(tmp_path / "hooks.py")
    found = {}
    for cls in (n for n in info.module.body if isinstance(n, ast.ClassDef)):
        methods = {n.name: n for n in cls.body if isinstance(n, ast.FunctionDef)}
        stores = sibling_stores.ClassStores(cls)
        stored = sibling_stores.stored_by_sibling(stores, methods["on_train_batch_end"], "pl_module", "probe")
        found[cls.name] = ast.unparse(stored[0]) if stored else None
        assert sibling_stores.stored_by_sibling(stores, methods["on_train_batch_end"], "trainer", "strategy") is None
        if lazy and cls.name == "OnlineEvaluator":
            assert methods["on_fit_start"].body.loaded
            assert not methods["log_metrics"].body.loaded and not methods["on_save"].body.loaded
    assert found == {"OnlineEvaluator": "Probe(4, 10)", "Renamer": None}  # a setattr on the name: any attribute
