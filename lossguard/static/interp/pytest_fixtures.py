"""pytest fixtures: what the parameters of a function pytest calls hold.

pytest calls a test function (``test*`` at the top of a ``test_*.py`` / ``*_test.py`` module, or a
method ``test*`` of a plain ``Test*`` class there) and every fixture with, for each parameter, the
value the fixture of that name returns. A test that builds its model in a fixture
(ejnnr/cupbearer's ``def pythia(): return models.TamperingPredictionTransformer(...)``, then
``def test_train(pythia, ...): train_classifier(model=pythia, task="multilabel", ...)``) was analysed
with the model unknown. Here a parameter named after a fixture of the same module holds what that
fixture returns, the fixture itself analysed with its own fixture parameters (round 31).

Left unknown, where the value is not one the module decides: a fixture of ``conftest.py`` or a
plugin, a fixture with ``params=`` (its value follows ``request.param``), a ``yield`` fixture, a
name a ``@pytest.mark.parametrize`` of the test gives (it overrides the fixture), every parameter
of a test whose ``parametrize`` names cannot be read, and a name the test's class defines again (a
fixture method overrides the module's).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import FUNCTION_DEFS, MAX_DEPTH, FunctionNode
from lossguard.static.prefilter import PYTEST_MODULE
from lossguard.static.project import ModuleInfo
from lossguard.static.values import FunctionRef, Unknown, Value

_FIXTURE = "pytest.fixture"
_PARAMETRIZE = "pytest.mark.parametrize"


class PytestFixturesMixin(InterpBase):
    """Fills in the fixture parameters of the test functions and fixtures nothing in the code calls."""

    def fixture_arguments(self, fn: FunctionNode, info: ModuleInfo, owner: ast.ClassDef | None = None, depth: int = 0) -> dict[str, Value]:
        """``{parameter: value}`` for the parameters of ``fn`` that name a fixture of its module, where
        pytest calls ``fn``: a test function or method of a test module, or a fixture. Empty anywhere else."""
        if depth > MAX_DEPTH or not PYTEST_MODULE.fullmatch(Path(info.path).name):
            return {}
        fixtures = self._module_fixtures(info)
        if not fixtures:
            return {}
        is_fixture = any(f is fn for f in fixtures.values())
        if owner is not None:
            if not _plain_test_class(owner) or not fn.name.startswith("test"):
                return {}
            redefined = {s.name for s in owner.body if isinstance(s, FUNCTION_DEFS)}
        elif is_fixture or fn.name.startswith("test"):
            redefined = set()
        else:
            return {}
        given = _parametrized(fn, lambda d: self.decorator_qualname(d, info))
        if given is None:
            return {}
        params = [a.arg for a in (*fn.args.args, *fn.args.kwonlyargs)]
        out: dict[str, Value] = {}
        for name in params[1:] if owner is not None else params:
            fixture = fixtures.get(name)
            if fixture is None or fixture is fn or name in given or name in redefined:
                continue
            value = self.call_function(
                FunctionRef(fixture, info, None),
                [],
                self.fixture_arguments(fixture, info, None, depth + 1),
                self_value=None,
                depth=depth,
                standalone=not self.drives_training(fixture, info),
            )
            if not isinstance(value, Unknown):
                out[name] = value
        return out

    def _module_fixtures(self, info: ModuleInfo) -> dict[str, FunctionNode]:
        """The module's top-level fixtures by the name tests ask for (``name=`` or the function's),
        the later of two of one name (Python's binding); not those with ``params=`` or a ``yield``."""
        out: dict[str, FunctionNode] = {}
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
                    if "params" not in keywords and not info.facts.function(stmt).is_generator:
                        out[name.value] = stmt
                break
        return out


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
