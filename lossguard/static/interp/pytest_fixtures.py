"""pytest fixtures: what the parameters of a function pytest calls hold.

pytest calls a test function (``test*`` at the top of a ``test_*.py`` / ``*_test.py`` module, or a
method ``test*`` of a plain ``Test*`` class there) and every fixture with, for each parameter, the
value the fixture of that name returns. A test that builds its model in a fixture
(ejnnr/cupbearer's ``def pythia(): return models.TamperingPredictionTransformer(...)``, then
``def test_train(pythia, ...): train_classifier(model=pythia, task="multilabel", ...)``) was analysed
with the model unknown. Here a parameter named after a fixture the module sees holds what that
fixture returns, the fixture itself analysed with the fixtures its own parameters name (round 31).
The fixtures a module sees are its own, over those of each ``conftest.py`` in its folder and the
folders above it up to the project's root, the nearer over the farther, as pytest reads them.

A ``yield`` fixture (round 32, mut21's miss: set-up, ``yield model``, tear-down) gives what its one
``yield`` gives: pytest runs the body up to it and hands the test that value.

Left unknown, where the value is not one the code decides: a plugin's fixture, a fixture with
``params=`` (its value follows ``request.param``), a fixture with more than one ``yield`` (or a
``yield from``), a name a
``@pytest.mark.parametrize`` of the test gives (it overrides the fixture), every parameter of a test
whose ``parametrize`` names cannot be read, a name the test's class defines again (a fixture method
overrides the module's), and a fixture that asks for itself (``def model(model):`` over a conftest's).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import FUNCTION_DEFS, MAX_DEPTH, FunctionNode
from lossguard.static.prefilter import PYTEST_MODULE
from lossguard.static.project import PROJECT_ROOT_MARKERS, ModuleInfo, ParseFailure
from lossguard.static.values import UNKNOWN, FunctionRef, Unknown, Value, Yielded

_FIXTURE = "pytest.fixture"
_PARAMETRIZE = "pytest.mark.parametrize"


#: a fixture: its function and the module that defines it
Fixture = tuple[FunctionNode, ModuleInfo]

#: the most folders above a test module searched for ``conftest.py`` (as the import search, ``Project._search_bases``)
_CONFTEST_LEVELS = 6


class PytestFixturesMixin(InterpBase):
    """Fills in the fixture parameters of the test functions and fixtures nothing in the code calls."""

    def fixture_arguments(self, fn: FunctionNode, info: ModuleInfo, owner: ast.ClassDef | None = None) -> dict[str, Value]:
        """``{parameter: value}`` for the parameters of ``fn`` that name a fixture it sees, where pytest calls
        ``fn``: a test function or method of a test module, or a fixture. Empty anywhere else."""
        if not PYTEST_MODULE.fullmatch(Path(info.path).name):
            return {}
        fixtures = self._visible_fixtures(info)
        if not fixtures:
            return {}
        if owner is not None:
            if not _plain_test_class(owner) or not fn.name.startswith("test"):
                return {}
            skip = {s.name for s in owner.body if isinstance(s, FUNCTION_DEFS)}
        elif fn.name.startswith("test") or any(f is fn for f, _ in fixtures.values()):
            skip = set()
        else:
            return {}
        given = _parametrized(fn, lambda d: self.decorator_qualname(d, info))
        if given is None:
            return {}
        params = [a.arg for a in (*fn.args.args, *fn.args.kwonlyargs)]
        return self._fixture_values(fn, params[1:] if owner is not None else params, fixtures, skip | given, 0)

    def _fixture_values(self, fn: FunctionNode, names: list[str], fixtures: dict[str, Fixture], skip: set[str], depth: int) -> dict[str, Value]:
        """What the fixtures of these names return, each analysed with the fixtures its own parameters name, as
        the requesting test sees them (a test module's fixture overrides a conftest one that another depends on)."""
        out: dict[str, Value] = {}
        for name in names:
            found = fixtures.get(name)
            if found is None or found[0] is fn or name in skip:
                continue
            fixture, module = found
            params = [a.arg for a in (*fixture.args.args, *fixture.args.kwonlyargs)]
            value = self.call_function(
                FunctionRef(fixture, module, None),
                [],
                self._fixture_values(fixture, params, fixtures, set(), depth + 1) if depth < MAX_DEPTH else {},
                self_value=None,
                depth=depth,
                standalone=not self.drives_training(fixture, module),
            )
            if module.facts.function(fixture).is_generator:
                # `yield model`: the test gets what the one yield gives (interp.generators.generator_call)
                value = value.item if isinstance(value, Yielded) else UNKNOWN
            if not isinstance(value, Unknown):
                out[name] = value
        return out

    def _visible_fixtures(self, info: ModuleInfo) -> dict[str, Fixture]:
        """The fixtures a test module sees: those of each ``conftest.py`` from the project's root down to its
        folder, the nearer overriding the farther, then its own (the ``conftest.py`` files pytest reads for
        it; not a plugin's, nor one of a conftest that does not parse)."""
        cached = self._fixture_tables.get(id(info))
        if cached is not None:
            return cached
        tables: list[dict[str, Fixture]] = []
        folder = Path(info.path).parent
        for _ in range(_CONFTEST_LEVELS):
            conftest = folder / "conftest.py"
            if conftest != Path(info.path) and conftest.is_file():
                try:
                    found = self.project.load(conftest)
                except ParseFailure:
                    found = None
                if found is not None:
                    tables.append(self._module_fixtures(found))
            if folder.parent == folder or any((folder / marker).exists() for marker in PROJECT_ROOT_MARKERS):
                break
            folder = folder.parent
        merged: dict[str, Fixture] = {}
        for table in reversed(tables):
            merged.update(table)
        merged.update(self._module_fixtures(info))
        self._fixture_tables[id(info)] = merged
        return merged

    def _module_fixtures(self, info: ModuleInfo) -> dict[str, Fixture]:
        """The module's top-level fixtures by the name tests ask for (``name=`` or the function's),
        the later of two of one name (Python's binding); not those with ``params=``, nor a generator with
        more than one ``yield`` (:func:`single_yield`)."""
        out: dict[str, Fixture] = {}
        for stmt in info.module.body:
            if not isinstance(stmt, FUNCTION_DEFS):
                continue
            for d in stmt.decorator_list:
                if self.decorator_qualname(d, info) != _FIXTURE:
                    continue
                keywords = {k.arg: k.value for k in d.keywords} if isinstance(d, ast.Call) else {}
                name = keywords.get("name", ast.Constant(stmt.name))
                if isinstance(name, ast.Constant) and isinstance(name.value, str):
                    out.pop(name.value, None)
                    if "params" not in keywords and (not info.facts.function(stmt).is_generator or single_yield(stmt)):
                        out[name.value] = (stmt, info)
                break
        return out


def single_yield(fn: FunctionNode) -> bool:
    """The function's own body (not a nested function's) holds exactly one ``yield`` and no ``yield
    from``, outside any loop: the value a ``yield`` fixture hands its tests is that one's."""
    found = 0
    stack: list[tuple[ast.AST, bool]] = [(n, False) for n in fn.body]
    while stack:
        node, looped = stack.pop()
        if isinstance(node, (*FUNCTION_DEFS, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.YieldFrom) or isinstance(node, ast.Yield) and looped:
            return False
        if isinstance(node, ast.Yield):
            found += 1
        inner = looped or isinstance(node, (ast.For, ast.AsyncFor, ast.While, ast.comprehension))
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))
    return found == 1


def _plain_test_class(owner: ast.ClassDef) -> bool:
    """A class pytest collects and calls with fixtures: named ``Test*``, with no base but ``object``
    (a ``unittest.TestCase`` gets no fixture arguments)."""
    return owner.name.startswith("Test") and all(isinstance(b, ast.Name) and b.id == "object" for b in owner.bases)


def _parametrized(fn: FunctionNode, qualname: Callable[[ast.expr], str]) -> set[str] | None:
    """The argument names ``@pytest.mark.parametrize`` marks of ``fn`` give; None when one cannot be read."""
    names: set[str] = set()
    for d in fn.decorator_list:
        if not isinstance(d, ast.Call) or qualname(d) != _PARAMETRIZE:
            continue
        first = d.args[0] if d.args else next((k.value for k in d.keywords if k.arg == "argnames"), None)
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            names |= {n.strip() for n in first.value.split(",") if n.strip()}
        elif isinstance(first, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in first.elts):
            names |= {e.value for e in first.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
        else:
            return None
    return names
