"""Shared test setup.

* Runtime and trainer-plugin tests run torch on one thread (determinism, and fair on a shared
  machine); they skip when torch is not installed.
* Tests under ``tests/integrations/`` (Lightning, transformers: importing Lightning alone takes
  most of a minute) and ``tests/integration/`` (pre-commit, the GitHub Action) carry the
  ``integration`` marker. With ``-m "not integration"`` those directories are not even
  imported, so the rest collects in seconds: ``python -m pytest -q -m "not integration"``.
  Single slow tests elsewhere (real disks, process crashes, distributed ranks, fuzzing with
  hypothesmith) carry ``@pytest.mark.integration`` themselves.
* Hypothesis runs a bounded sample in the fast part (profile ``lossguard-fast``) and the full
  one whenever integration tests are selected (profile ``lossguard-full``); an explicit
  ``--hypothesis-profile`` wins.
* ``tests/corpus/`` is never collected: it holds real training code that is read, not run,
  including a repository's own test file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
INTEGRATION_DIRS = (TESTS / "integrations", TESTS / "integration")
TORCH_DIRS = (TESTS / "runtime", TESTS / "integrations")
# Real training code that the static checker reads and never runs; a repository's own test file kept there
# (realcode_heldout8's openspeech tests/test_acoustic_models/test_deepspeech2.py) is not a test of this project.
CORPUS = TESTS / "corpus"


def _under(path: Path, dirs: tuple[Path, ...]) -> bool:
    return any(path == d or d in path.parents for d in dirs)


def _integration_deselected(config: pytest.Config) -> bool:
    """Whether the -m expression leaves out a test whose only marker is ``integration``."""
    expression = config.getoption("markexpr", default="") or ""
    if not expression:
        return False
    try:
        from _pytest.mark.expression import Expression

        return not Expression.compile(expression).evaluate(lambda name, **_: name == "integration")
    except Exception:  # a pytest without this (private) module: collect, then deselect by marker
        return False


HYPOTHESIS_EXAMPLES = {"lossguard-fast": 3, "lossguard-full": 25}


def pytest_configure(config: pytest.Config) -> None:
    try:
        from hypothesis import settings
    except ImportError:  # not installed (a dev dependency): nothing to configure
        return
    for name, examples in HYPOTHESIS_EXAMPLES.items():
        settings.register_profile(name, max_examples=examples)
    if not config.getoption("hypothesis_profile", default=None):
        settings.load_profile("lossguard-fast" if _integration_deselected(config) else "lossguard-full")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> Any:
    if _under(collection_path, (CORPUS,)):
        return True
    if _under(collection_path, INTEGRATION_DIRS) and _integration_deselected(config):
        return True
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _under(Path(str(item.path)), INTEGRATION_DIRS):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(autouse=True)
def _single_thread(request: pytest.FixtureRequest) -> Any:
    if not _under(Path(str(request.path)), TORCH_DIRS):
        yield
        return
    torch = pytest.importorskip("torch")
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
