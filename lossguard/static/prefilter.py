"""Which parsed files need the analysis at all, decided from their text (no libcst import).

Every file is parsed (a file that does not parse is an error, whatever it contains); most files
of a model zoo mention no loss and name every softmax axis, and this skips the comparatively
slow analysis for them. Linear in the file's size: each softmax call is looked at over at most
``_MAX_CALL`` characters, and a call too long to judge counts as needing the analysis.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path

from lossguard.static.sources import as_python_reads
from lossguard.static.torch_api import LOSS_FUNCTIONS, SOFTMAX_FUNCS, SOFTMAX_LAYERS, TRAINERS


def _last_parts(qnames: Iterable[str]) -> list[str]:
    return sorted({name.rsplit(".", 1)[-1] for name in qnames})


# A file needs the analysis only if it mentions one of these; everything else is skipped before
# parsing: a loss class (`...Loss`), a loss function (`*_loss`, and the functions of torch_api
# named otherwise: `cross_entropy`, `kl_div`, ...). Losses imported from another file still
# mention `backward` where they train, and a LightningModule's `training_step` (whose result Lightning
# back-propagates) where it trains; a library trainer (NeuralNetBinaryClassifier) may name no loss at all, nor
# a script that builds a Hugging Face model with a task head and hands it to a Trainer subclass of another file,
# whose compute_loss it reaches (interp.hf_models).
_OTHER_LOSS_FUNCTIONS = _last_parts(name for name in LOSS_FUNCTIONS if not name.endswith("_loss"))
_TRIGGER = re.compile(
    r"Loss\b|Loss\(|_loss\b|"
    + "|".join(_OTHER_LOSS_FUNCTIONS)
    + r"|backward|training_step|size_average|\b(?:"
    + "|".join(_last_parts(TRAINERS))
    + r")\b|(?:SequenceClassification|TokenClassification|MultipleChoice|CausalLM|LMHeadModel)\b"
)
#: words that name a loss function inside a called name (``criterion``, ``loss_fn``, ``compute_loss``): a posted snippet
#: calls such a name without defining it (rules._snippet_losses reads them too)
LOSS_WORDS = frozenset({"loss", "criterion"})
# Round 34 (threads24): a snippet that names no loss class, no `_loss` and no backward, only a call of a criterion
# bound nowhere (`err = criterion(model(x), y)`; `running += err`), is still training code to the snippet rules; a call
# of a plain name with one of LOSS_WORDS as a word of it (`criterion(`, `loss_fn(`, `lossFn(`, `train_criterion(`)
# makes a file need the analysis
_LOSS_WORD_CALL = re.compile(
    r"(?<![\w.])(?:[A-Za-z0-9]+_)*(?:" + "|".join(f"{w}|{w.capitalize()}" for w in sorted(LOSS_WORDS)) + r")(?![a-z])\w*\s*\("
)
# Softmax calls matter only to LG011 (and to the rules above, which need a trigger anyway): a file
# whose every softmax call visibly names its axis needs no parse at all.
_SOFTMAX_CALL = re.compile(r"(\.?)\b(" + "|".join(_last_parts([*SOFTMAX_FUNCS, *SOFTMAX_LAYERS])) + r")\s*\(")


def needs_analysis(source: str) -> bool:
    source = as_python_reads(source)  # `nn.CrossEntropyＬoss()`, `loss.ｂackward()`: CrossEntropyLoss and backward
    if _TRIGGER.search(source) is not None or _LOSS_WORD_CALL.search(source) is not None:
        return True
    return any(not _softmax_call_names_dim(source, m) for m in _SOFTMAX_CALL.finditer(source))


_MAX_CALL = 2_000


def _softmax_call_names_dim(source: str, match: re.Match[str]) -> bool:
    """Whether a softmax-like call certainly passes its axis, judged from the text alone."""
    depth, i, commas = 1, match.end(), 0
    start = i
    n = min(len(source), i + _MAX_CALL)
    while i < n and depth:
        c = source[i]
        if c == "#":
            return False  # a comment inside the call: let the parser decide
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 1:
            commas += 1
        elif c in "\"'":
            return False  # strings inside the call: let the parser decide
        i += 1
    if depth:
        return False  # unclosed, or too long to judge here
    args = source[start : i - 1].strip()
    if re.search(r"\bdim\s*=", args):
        return True
    if args.endswith(","):
        commas -= 1
    n_args = 0 if not args else commas + 1
    name = match.group(2)
    if name[0].isupper():
        return n_args >= 1  # nn.Softmax(1)
    if n_args >= 2:
        return True  # F.softmax(x, 1)
    # one argument: a tensor method (x.softmax(-1)) names the axis; F.softmax(x) does not
    j = match.start() - 1
    while j >= 0 and source[j] in " \t\r\n\\":
        j -= 1
    return bool(match.group(1)) and j >= 0 and source[j] in ")]"


def imported_names(tree: ast.Module, every: bool = False) -> frozenset[str]:
    """For a script that drives other modules, the modules it imports and uses: the last part of
    each imported module's name and each name imported from one (``import models.heads as h``
    gives heads; ``from .train import dann`` gives train and dann). A script with an
    ``if __name__ == "__main__":`` block counts every import; any other file only the imports
    through which it calls something at module level (``train.dann(model.Classifier(), ...)``).
    Empty for a library module that only imports and defines (see ``drives``); with ``every``, all
    of a module's imports (what a library module may carry a script to: :func:`bridged`)."""
    bound: dict[str, set[str]] = {}  # name bound in the module -> the module names it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                last = alias.name.rsplit(".", 1)[-1]
                bound.setdefault(alias.asname or alias.name.split(".")[0], set()).add(last)
        elif isinstance(node, ast.ImportFrom):
            source = node.module.rsplit(".", 1)[-1] if node.module else ""
            for alias in node.names:
                if alias.name != "*":
                    bound.setdefault(alias.asname or alias.name, set()).update({source, alias.name} - {""})
    if not bound:
        return frozenset()
    if every or any(isinstance(stmt, ast.If) and "__main__" in ast.dump(stmt.test) for stmt in tree.body):
        return frozenset(n for names in bound.values() for n in names)
    used: set[str] = set()
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
            continue
        for node in ast.walk(stmt):
            if isinstance(node, ast.Call):
                root = node.func
                while isinstance(root, (ast.Attribute, ast.Call, ast.Subscript)):
                    root = root.func if isinstance(root, ast.Call) else root.value
                if isinstance(root, ast.Name) and root.id in bound:
                    used |= bound[root.id]
    return frozenset(used)


#: the modules pytest collects tests from by default (its ``python_files``), and its per-directory fixture files
PYTEST_MODULE = re.compile(r"(test_.*|.*_test|conftest)\.py")


def pytest_driven(path: Path, tree: ast.Module) -> bool:
    """A test module that defines a pytest fixture at its top level (``@pytest.fixture``, ``@fixture(...)``):
    pytest calls its tests and fixtures with one another's values, so it drives what it imports as a
    script's ``__main__`` block does (round 31, ejnnr/cupbearer's test that fits a Lightning module on
    the model a fixture builds). Modules with no fixture of their own are left as before: their tests'
    parameters would be unknown anyway."""
    if not PYTEST_MODULE.fullmatch(path.name):
        return False
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in stmt.decorator_list:
                expr = d.func if isinstance(d, ast.Call) else d
                if (isinstance(expr, ast.Name) and expr.id == "fixture") or (
                    isinstance(expr, ast.Attribute) and expr.attr == "fixture" and isinstance(expr.value, ast.Name) and expr.value.id == "pytest"
                ):
                    return True
    return False


def module_names(path: Path) -> set[str]:
    """The names under which a file can be imported: its stem, or its package's for ``__init__.py``."""
    return {path.parent.name} if path.stem == "__init__" else {path.stem}


def bridged(analysed: set[str], libraries: list[tuple[Path, frozenset[str]]]) -> set[str]:
    """``analysed`` and the names of the library modules the prefilter skipped that import one of
    them, directly or through another such module: a script that imports a helper module
    (``from src.lightning.utils import train_model``) whose function builds and fits the model of an
    analysed module drives that module through it."""
    reached = set(analysed)
    left = list(libraries)
    grown = True
    while grown:
        grown = False
        for item in list(left):
            path, imports = item
            if drives(imports, reached):
                reached |= module_names(path)
                left.remove(item)
                grown = True
    return reached


def drives(imports: frozenset[str], analysed: set[str]) -> bool:
    """Whether a file the prefilter skips imports a module that is analysed: a driver
    (``import model, train; train.dann(model.Classifier(), ...)``) whose calls tell the analysis
    what the training code receives, so it is analysed too."""
    return not imports.isdisjoint(analysed)
