"""Copies of owned facts that have to stay in prose, checked against their owner so they cannot drift.

Pages generated from an owner (docs/rules, `lossguard explain`, SARIF) cannot drift; these copies
can, so each is checked here against the code that owns it:

- the catalog: the README's rule table (names, summaries), its Autofix list (fix safety), the
  detector table of docs/runtime.md, each detector's ``code``/``name``, the exit statuses'
  severities (``FAILING_SEVERITIES``); the reporters: how SARIF and GitHub show an info finding;
- the detectors' ``Param`` declarations: the defaults the catalog's runtime pages and
  docs/runtime.md quote in words, and how many measured updates LG103 and LG104 take the median
  of; ``default_detectors()``: how many run by default;
  ``torch_api.NON_NEGATIVE_FAMILIES``: the losses LG107's page says are never below 0;
- the interpreter, engine and prefilter: the limits docs/checker.md quotes, its table of the
  interpreter's parts (one row per module), how far importers are followed, the words that make
  a file analysed, the largest file read and the batch size;
- the command line's parser: every ``lossguard COMMAND --option`` in the README, docs,
  action.yml and the pre-commit hooks, the output formats, ``--jobs``; config: the
  ``[tool.lossguard]`` keys; action.yml: its inputs; .pre-commit-hooks.yaml: the hook ids;
  finding.REPORT_KEYS: the keys of a JSON report entry docs/ci.md lists;
- ``Watcher.__init__`` and ``integrations.core.WATCH_OPTIONS``: the options tables of
  docs/runtime.md and docs/integrations.md and watch()'s docstring; the read and TensorBoard
  cadences (the README's accelerator reads too), and the gradient norms' as the catalog and the
  detectors quote it; the value checks'
  cadences (``check_first``/``check_every``, the class counts, LG003's calls in a row); the
  events kept and the episodes (runtime/policy.py); the TensorBoard tags of runtime/sinks.py;
- the bench scripts' parsers: every ``python bench/<script>.py --option`` in the docs.
"""

from __future__ import annotations

import argparse
import re
import string
import sys
from pathlib import Path
from typing import Any

import pytest

from lossguard import catalog

ROOT = Path(__file__).resolve().parents[2]


def _table_rows(path: Path, prefix: str) -> dict[str, list[str]]:
    """Code -> the cells of every Markdown table row whose first cell starts with ``prefix``."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0].startswith(prefix):
            rows[cells[0]] = cells
    return rows


def test_readme_rule_table_has_every_static_code_with_its_catalog_name_and_summary():
    rows = _table_rows(ROOT / "README.md", "LG0")
    static = {p.code: (p.name, p.summary) for p in catalog.of_kind("static")}
    assert {code: (cells[1], cells[2]) for code, cells in rows.items()} == static


def test_runtime_doc_table_has_every_runtime_code_with_its_catalog_name_and_severity():
    rows = _table_rows(ROOT / "docs" / "runtime.md", "LG1")
    runtime = {p.code: (p.name, p.severity) for p in catalog.of_kind("runtime")}
    assert {code: (cells[1], cells[2]) for code, cells in rows.items()} == runtime


def _detectors() -> list[Any]:
    from lossguard.runtime.detectors import default_detectors
    from lossguard.runtime.detectors.graph_retention import GraphRetention
    from lossguard.runtime.detectors.loss_bound import LossBelowBound

    return [*default_detectors(), LossBelowBound(), GraphRetention()]


def test_each_detector_is_named_as_its_catalog_entry():
    """Detectors take their name from the catalog (Detector.__init_subclass__); one of yours, with
    a code the catalog does not hold, keeps the name it sets."""
    detectors = _detectors()
    assert {type(d).code: type(d).name for d in detectors} == {type(d).code: catalog.get(type(d).code).name for d in detectors}
    runtime_codes = {p.code for p in catalog.of_kind("runtime")}
    assert runtime_codes <= {type(d).code for d in detectors}


class _Prose(string.Formatter):
    """Formats a detector default the way the prose writes it: ``{sigma}`` 8, ``{threshold:%}`` 2%,
    ``{threshold:e}`` 1e-3, ``{diverge:times}`` twice, ``{low:part}`` half, ``{quantile:th}`` 90th,
    ``{update_window:half}`` 4 (the integer half of 8)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        number = f"{value:g}"
        if format_spec == "%":
            return f"{value * 100:g}%"
        if format_spec == "e":
            return re.sub(r"e-0*", "e-", f"{value:.0e}")
        if format_spec == "times":
            return "twice" if value == 2 else f"{number} times"
        if format_spec == "part":
            return {0.5: "half", 0.25: "a quarter"}[value]
        if format_spec == "th":
            return f"{value * 100:g}th"
        if format_spec == "half":
            return f"{value // 2}"
        assert not format_spec, format_spec
        return number


# Where a problem's page (the catalog's `misfires`) and docs/runtime.md's table quote a
# detector's defaults: each phrase is rendered from the defaults and must stand in the text.
CATALOG_PHRASES = {
    "LG101": ("after {rearm_after} finite steps a new NaN is reported again",),
    "LG102": (
        "robust z-score over the last {window} steps",
        "exceed the median of the last {recent} steps by {sigma} noise units",
        "at least {atol} times the first losses above it, and {above_max} times the highest loss of the window, after {min_steps} steps",
        "any loss {blowup} times the first one counts from the start",
        "in the first {min_steps} steps, do {early_steps} losses in a row at {early_rise:times} the first one or more while the "
        "last dense layer moves by more than {early_update} of its norm per step",
    ),
    "LG103": (
        "within {progress:%} of where it started",
        "over the last {min_window} to {max_window} optimizer steps",
        "lowers the loss by less than {threshold:%} ({still_threshold:%} when the last layer's weights barely move)",
        "{min_window} steps suffice only when",
        "while they move, {moving_window} steps are needed",
        "weights that move by over {fast} of their norm per step",
        "Weights an optimizer moves by under {frozen:e} of their norm per step",
    ),
    "LG104": (
        "over the last {window} steps at least {concentration:%} of the detrended variance",
        "swinging by at least {amplitude:%} of the loss, without a downward trend of more than {trend:%}",
        "for {patience} steps in a row",
        "the loss is still above {low:part} of it, or the swing is at least {scale:part} of it",
        "|dW|/|W| below {overshoot})",
    ),
    "LG105": (
        "the median of {window} measurements must be below {threshold:e}",
        "later half of the window under {rise} times the earlier half",
        "weight norm per output unit under {small_head}",
    ),
    "LG106": (
        "{factor} times (or {sigma} noise units above) the {quantile:th} percentile of its last {window} measurements",
        "from the first step, {max_ratio} times the weight norm",
        "more than {max_update} of their norm per step (median of {update_window} measurements",
        "the latest {update_window:half} losses not {progress:%} below the first {update_window:half}",
        "the last {pinned} measured norms agree",
        "the median of the last {diverge_window} losses is more than {diverge:times} that of the first ones",
    ),
    "LG107": (
        "below the bound by more than {tolerance} times its first value",
        "falls below -{unbounded_factor} times its first magnitude",
    ),
}

RUNTIME_DOC_PHRASES = {
    "LG102": (
        "median of last {recent} steps by {sigma} robust noise units",
        ">= {atol}x the first losses above it and >= {above_max}x the window's maximum (window {window}, after {min_steps} steps); or > {blowup}x the first loss",
        "(in the first {min_steps} steps reported one step later",
        "in the first {min_steps} steps, {early_steps} losses in a row >= {early_rise}x the first one while the last dense layer "
        "moves by > {early_update} of its norm per step",
    ),
    "LG103": (
        "cannot lower the loss by {threshold:%} ({still_threshold:%} if the last layer's weights move < {still:e} of their norm per step)",
        "within {progress:%} of its start",
        "the fit needs {min_window} steps when the weights barely move, {moving_window} when they move",
        "flat whatever the fit when an optimizer moves them by < {frozen:e} of their norm per step",
    ),
    "LG104": (
        "over {window} steps, >= {concentration:%} of the detrended variance",
        "swing >= {amplitude:%} of the loss",
        "for {patience} steps",
        "the loss is above {low:part} its start (or chance level, if higher) or swings by {scale:part} of it",
    ),
    "LG105": (
        "median over {window} measurements",
        "< {threshold:e}",
        "weight norm per output unit < {small_head}",
    ),
    "LG106": (
        "> {factor}x (or {sigma} noise units above) the {quantile:th} percentile of its last {window} measurements, or > {max_ratio}x the weight norm",
        "change by > {max_update} of their norm per step (median of {update_window} measurements",
        "clipping pins the norm (last {pinned} measurements",
        "the median of the last {diverge_window} losses is over {diverge:times} the start",
    ),
    "LG107": ("falls below -{unbounded_factor}x its first magnitude",),
}


def _defaults(code: str) -> dict[str, Any]:
    (det,) = [d for d in _detectors() if type(d).code == code]
    return {p.name: p.default for p in type(det).params}


@pytest.mark.parametrize("code", sorted(CATALOG_PHRASES))
def test_catalog_page_quotes_the_detector_defaults(code):
    text = " ".join(catalog.get(code).misfires.split())
    for phrase in CATALOG_PHRASES[code]:
        assert _Prose().format(phrase, **_defaults(code)) in text


def test_catalog_pages_quote_the_detectors_update_counts():
    """How many measured updates of the last layer a detector takes the median of, as the pages quote it (the
    update sizes themselves are catalog.update_sizes', which both sides read)."""
    from lossguard.runtime.detectors.loss_oscillation import UPDATES_KEPT
    from lossguard.runtime.detectors.loss_plateau import RECENT_UPDATES

    def text(code: str) -> str:
        return " ".join(catalog.get(code).misfires.split())

    assert f"once the median of the last {RECENT_UPDATES} measured updates of the last layer" in text("LG103")
    assert f"(median of its last {UPDATES_KEPT} measured |dW|/|W| below" in text("LG104")


@pytest.mark.parametrize("code", sorted(RUNTIME_DOC_PHRASES))
def test_runtime_doc_table_quotes_the_detector_defaults(code):
    text = _table_rows(ROOT / "docs" / "runtime.md", "LG1")[code][3]
    for phrase in RUNTIME_DOC_PHRASES[code]:
        assert _Prose().format(phrase, **_defaults(code)) in text


def test_catalog_names_the_losses_whose_least_value_the_watcher_knows():
    """LG107's page lists the built-in losses the watcher knows to be never below 0: each is one
    (misuse.lower_bound of its module is 0) and together they cover torch_api.NON_NEGATIVE_FAMILIES."""
    import torch.nn as nn

    from lossguard.runtime.misuse import loss_kind, lower_bound
    from lossguard.static.torch_api import LOSS_CLASSES, NN, NON_NEGATIVE_FAMILIES

    listed = re.search(r"\(0 for ([^)]*)\)", " ".join(catalog.get("LG107").misfires.split()))
    assert listed is not None
    names = {n if n.endswith("Loss") else f"{n}Loss" for part in listed.group(1).split(", ") for n in part.split("/")}
    assert {LOSS_CLASSES[NN + n].family for n in names} == NON_NEGATIVE_FAMILIES
    for n in names:
        criterion = getattr(nn, n)()
        assert lower_bound(loss_kind(criterion), criterion) == 0.0


def test_checker_doc_quotes_the_interpreter_limits():
    from lossguard.static.interp.frame import MAX_DEPTH
    from lossguard.static.values import MAX_EITHER

    text = " ".join((ROOT / "docs" / "checker.md").read_text(encoding="utf-8").split())
    assert f"up to a call depth of {MAX_DEPTH})" in text
    assert f"is `Either` of them (at most {MAX_EITHER})" in text
    # the bounds on the contexts a function is analysed in, named with their values (interp/calls.py)
    from lossguard.static.interp.calls import CONTEXT_BUDGET, GRAPH_CONTEXTS, MAX_CONTEXTS

    for name, value in (("MAX_CONTEXTS", MAX_CONTEXTS), ("CONTEXT_BUDGET", CONTEXT_BUDGET), ("GRAPH_CONTEXTS", GRAPH_CONTEXTS)):
        assert f"`{name}` ({value})" in text, name


def test_checker_doc_lays_out_each_part_of_the_interpreter_once():
    """docs/checker.md's table of the interpreter's parts: one row per module of
    lossguard/static/interp/ (core.py, the class they make up, is named above the table)."""
    text = (ROOT / "docs" / "checker.md").read_text(encoding="utf-8")
    table = text.split("## How the interpreter is laid out", 1)[1].split("\n\n")[2]
    named = [name for line in table.splitlines()[2:] for name in re.findall(r"`(\w+)\.py`", line.split("|")[1])]
    modules = {f.stem for f in (ROOT / "lossguard" / "static" / "interp").glob("*.py")} - {"__init__", "core"}
    assert sorted(named) == sorted(modules)


# The command line: the parser (lossguard/cli.py) owns every option, its choices and defaults;
# lossguard.static.engine owns how a large run is split; lossguard/config.py owns the keys of
# [tool.lossguard]. The README and docs quote them.
DOCS = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "action.yml", ROOT / ".pre-commit-hooks.yaml")


def _commands() -> dict[str, argparse.ArgumentParser]:
    from lossguard.cli import build_parser

    (sub,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {o: a for a in parser._actions for o in a.option_strings}


def test_every_option_the_docs_give_a_command_is_one_of_its_options():
    """`lossguard check --x ...` in README, docs/*.md, action.yml and the pre-commit hooks: each option (up to a
    comment) exists for that command, so a renamed or removed option cannot stay documented."""
    commands = _commands()
    quoted = 0
    for path in DOCS:
        for command, rest in re.findall(r"\blossguard (check|baseline|rules|explain)\b([^\n`#]*)", path.read_text(encoding="utf-8")):
            for option in re.findall(r"(?<![\w-])--?[a-z][a-z-]*", rest):
                quoted += 1
                assert option in _options(commands[command]), f"{path.name}: `lossguard {command} {option}` is not an option"
    assert quoted > 20


def test_docs_list_the_output_formats_of_the_parser():
    choices = _options(_commands()["check"])["--format"]
    formats, default = tuple(choices.choices or ()), choices.default
    readme = re.search(r"lossguard check --format (\S+)\s+# also: ([^\n]+)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert readme is not None
    assert {readme[1], *readme[2].split(", ")} == set(formats) - {default}
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    table = text[text.index("| `--format` | for |") :].split("\n\n", 1)[0]  # the formats' table, to its blank line
    rows = [line.strip("|").split("|")[0].strip() for line in table.splitlines()[2:]]  # less the header
    listed = [f for cell in rows for f in re.findall(r"`([a-z-]+)`", cell)]
    assert sorted(listed) == sorted(formats)
    assert f"`{default}` (default)" in rows


def test_jobs_help_quotes_the_engine_batch_size_and_environment_variable():
    from lossguard.static.engine import BATCH_FILES, JOBS_ENV

    help_text = _options(_commands()["check"])["--jobs"].help or ""
    readme = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if "lossguard check --jobs" in line)
    for text in (help_text, readme):
        assert f"over {BATCH_FILES} files" in text and f"default: {JOBS_ENV}," in text


def test_readme_configuration_uses_only_keys_config_reads():
    from lossguard.config import _KEYS

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("[tool.lossguard]\n", 1)[1].split("```", 1)[0]
    keys = {line.split("=", 1)[0].strip() for line in block.splitlines() if "=" in line}
    assert keys and keys <= _KEYS


# The watcher's options: Watcher.__init__ owns their names and defaults, integrations.core.WATCH_OPTIONS
# which of them the trainer plugins pass on, and the runtime's read and write cadences their numbers.
def _option_rows(path: Path) -> dict[str, str]:
    """Option name -> its default cell, from the ``| option | default | meaning |`` table of ``path``:
    a row naming several options (`` `a`, `b` ``) gives each its part of ``5, 100``."""
    text = path.read_text(encoding="utf-8").split("| option | default | meaning |", 1)[1]
    out = {}
    for line in text.splitlines()[2:]:
        if not line.startswith("|"):
            break
        names_cell, default = (c.strip() for c in line.strip("|").split("|")[:2])
        names = re.findall(r"`(\w+)`", names_cell)
        parts = default.rsplit(", ", len(names) - 1) if len(names) > 1 else [default]
        out.update(zip(names, parts, strict=True))
    return out


def _literal_default(cell: str) -> tuple[bool, Any]:
    """The Python literal a default cell is (``5``, `` `"warn"` ``) or starts with before what it
    means (`` `None`: every step ... ``, `` `None` (every step ...) ``), if any."""
    import ast

    text = re.fullmatch(r"`([^`]+)`(?:[:(].*| \(.*)?|([^`\s]+)", cell)
    if text is None:
        return False, None
    try:
        return True, ast.literal_eval(text[1] or text[2])
    except (ValueError, SyntaxError):
        return False, None


def _watcher_defaults() -> dict[str, Any]:
    import inspect

    from lossguard.runtime.watcher import Watcher

    params = inspect.signature(Watcher.__init__).parameters.values()
    return {p.name: p.default for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY}


def test_runtime_doc_options_table_has_every_watcher_option_with_its_default():
    rows, defaults = _option_rows(ROOT / "docs" / "runtime.md"), _watcher_defaults()
    assert set(rows) == set(defaults)
    literal = {name: value for name, (ok, value) in ((n, _literal_default(c)) for n, c in rows.items()) if ok}
    assert {"log_dir", "on_event", "console", "check_first", "check_every", "announce"} <= set(literal)
    assert defaults["skip"] is None  # the page gives what None stands for, the watcher decides it
    del literal["skip"]
    assert literal == {name: defaults[name] for name in literal}


def test_runtime_doc_gives_the_updates_skipped_by_default():
    """The ``skip`` default in docs/runtime.md is what a watcher given an optimizer skips."""
    import torch
    from torch import nn

    from lossguard.runtime.watcher import Watcher

    ok, documented = _literal_default(_option_rows(ROOT / "docs" / "runtime.md")["skip"])
    assert ok and {catalog.get(name).name for name in documented} == set(documented)
    model = nn.Linear(2, 2)
    watcher = Watcher(model, nn.MSELoss(), optimizer=torch.optim.SGD(model.parameters(), lr=0.1), console=False, announce=False)
    try:
        assert watcher.skip == frozenset(documented)
    finally:
        watcher.close()


def test_watch_docstring_names_every_watcher_option():
    import lossguard.runtime

    named = set(re.findall(r"``(\w+)[=`]", lossguard.runtime.watch.__doc__ or ""))
    assert set(_watcher_defaults()) <= named


def test_integrations_doc_options_table_has_every_option_the_plugins_pass_on():
    from lossguard.integrations.core import WATCH_OPTIONS

    rows, defaults = _option_rows(ROOT / "docs" / "integrations.md"), _watcher_defaults()
    assert set(rows) == {*WATCH_OPTIONS, "on_event"}
    for name in ("check_first", "check_every"):
        assert _literal_default(rows[name]) == (True, defaults[name])


def test_docs_quote_the_tensorboard_write_cadence():
    """Every step for the first DENSE_LOG steps, then every GRAD_EVERY-th (the steps whose
    gradient norms are measured): in the README, the docs and ``lossguard.watch``'s docstring."""
    import lossguard.runtime
    from lossguard.runtime.optimizer_side import GRAD_EARLY, GRAD_EVERY
    from lossguard.runtime.read_side import DENSE_LOG

    # ... and the catalog's pages and the detectors' docstrings, which quote the gradient norms' cadence
    detectors = [sys.modules[type(d).__module__].__doc__ or "" for d in _detectors()] + [type(d).__doc__ or "" for d in _detectors()]
    texts = [p.read_text(encoding="utf-8") for p in DOCS] + [lossguard.runtime.watch.__doc__ or ""]
    texts += [p.misfires for p in catalog.of_kind("runtime")] + detectors
    quoted = re.findall(r"([\d,]+) steps, then every (\d+)th", " ".join(" ".join(t.split()) for t in texts))
    assert quoted.count((f"{DENSE_LOG:,}", str(GRAD_EVERY))) >= 6
    # the gradient norms' own cadence ("every step for the first 16 steps, then every 8th") is the other one quoted
    assert set(quoted) <= {(f"{DENSE_LOG:,}", str(GRAD_EVERY)), (str(GRAD_EARLY), str(GRAD_EVERY))}


def test_runtime_doc_quotes_the_update_probe_and_the_weight_norms_cadence():
    """docs/runtime.md's cost paragraph: the update probe's size and how often the weight norms are taken
    (optimizer_side's _PROBE, WEIGHTS_EVERY, WEIGHTS_EARLY)."""
    from lossguard.runtime.optimizer_side import _PROBE, WEIGHTS_EARLY, WEIGHTS_EVERY

    text = " ".join((ROOT / "docs" / "runtime.md").read_text(encoding="utf-8").split())
    assert (
        f"a {_PROBE}-element probe of the last layer's update; one over the weights every {WEIGHTS_EVERY} steps up to step "
        f"{WEIGHTS_EARLY}, then every {WEIGHTS_EARLY}th" in text
    )


def test_docs_quote_the_read_cadence():
    """Reads every SYNC_CPU steps on the CPU, SYNC_DEVICE elsewhere, and (cadence not given) a read
    that waits until READ_WAIT seconds have passed, at most READ_MOST steps: in the README, the docs
    and ``lossguard.watch``."""
    import lossguard.runtime
    from lossguard.runtime.collect import READ_MOST, READ_WAIT, SYNC_CPU, SYNC_DEVICE

    texts = [p.read_text(encoding="utf-8") for p in DOCS] + [lossguard.runtime.watch.__doc__ or ""]
    text = " ".join(" ".join(t.split()) for t in texts)
    quoted = re.findall(r"(\d+) on CPU\b.{0,60}?(\d+) (?:elsewhere|otherwise)", text)
    assert len(quoted) >= 4 and set(quoted) == {(str(SYNC_CPU), str(SYNC_DEVICE))}
    assert text.count(f"until {READ_WAIT:g} s has passed since the last one") >= 3
    assert text.count(f"at most {READ_MOST} steps") >= 2 and "at most 64 steps" not in text


def test_readme_quotes_the_accelerator_reads():
    """On an accelerator: one transfer every SYNC_DEVICE steps, each of the first EAGER steps read at once (the
    README's feature list; CHANGELOG.md is history and is not held to today's values)."""
    from lossguard.runtime.collect import EAGER, SYNC_DEVICE

    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"read in one transfer every {SYNC_DEVICE} steps (each of the first {EAGER} steps at once" in text


def test_docs_quote_the_value_check_cadences():
    """Which loss calls are checked (Watcher's check_first, check_every), which count the targets'
    classes (value_checks.COUNT_EARLY, COUNT_EVERY, used from MIN_COUNTED targets) and how many
    sigmoid-looking calls in a row make LG003 (SIGMOID_CALLS), as docs/*.md, the catalog and the
    detectors quote them."""
    from lossguard.runtime import value_checks as vc

    defaults = _watcher_defaults()
    sources = [
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / "lossguard" / "catalog").glob("*.py"),
        *(ROOT / "lossguard" / "runtime" / "detectors").glob("*.py"),
    ]
    text = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sources)
    cadences = set(re.findall(r"(?:first|for) (\d+)(?: calls)?, then every (\d+)th", text))
    assert cadences == {(str(defaults["check_first"]), str(defaults["check_every"])), (str(vc.COUNT_EARLY), str(vc.COUNT_EVERY))}
    assert set(re.findall(r"from (\d+) counted", text)) == {str(vc.MIN_COUNTED)}
    assert set(re.findall(r"(\d+) checked (?:calls|steps) in a row|on each of the first (\d+) calls", text)) == {
        (str(vc.SIGMOID_CALLS), ""),
        ("", str(vc.SIGMOID_CALLS)),
    }


def test_runtime_doc_quotes_the_event_policy():
    """How many events a watcher keeps, how far apart two findings of a code start a new episode
    and after how many findings its one update comes: runtime/policy.py's constants."""
    from lossguard.runtime.policy import EPISODE_GAP, EPISODE_UPDATE_AFTER, MAX_EVENTS

    text = " ".join((ROOT / "docs" / "runtime.md").read_text(encoding="utf-8").split())
    assert f"The list is capped at {MAX_EVENTS:,} events." in text
    assert f"less than {EPISODE_GAP} steps apart are one episode" in text
    assert f'("Still, {EPISODE_UPDATE_AFTER} findings since step N' in text


def test_runtime_doc_lists_the_tensorboard_tags_sinks_writes():
    """docs/runtime.md's paragraph of tags names each tag of lossguard/runtime/sinks.py and no
    other, and the number of gradient-norm groups of runtime.layout."""
    from lossguard.runtime import sinks
    from lossguard.runtime.layout import MAX_GROUPS

    text = (ROOT / "docs" / "runtime.md").read_text(encoding="utf-8")
    paragraph = " ".join(text.split("All tags are under `lossguard/`: ", 1)[1].split("\n\n", 1)[0].split())
    written = [sinks.LOSS, sinks.LOSS_SMOOTHED, sinks.LOSS_LOG10, sinks.LR, sinks.GRAD_NORM + "total", sinks.ALERT]
    written += [sinks.ALERT_LOG10, sinks.ALERTS + "<code>-<name>", sinks.EVENTS, sinks.NOTES]
    named = {t.removeprefix("lossguard/") for t in re.findall(r"`([a-z_0-9<>/-]+)`", paragraph)}
    examples = {t for t in named if t.startswith("grad_norm/") and t not in ("grad_norm/total", "grad_norm/<group>")}
    assert named - examples == {t.removeprefix("lossguard/") for t in written} | {"grad_norm/<group>"}
    assert f"grouped by module path into at most {MAX_GROUPS} tags" in paragraph


def test_docs_give_the_exit_statuses_of_the_failing_severities():
    """README and docs/ci.md say which severities exit 1: catalog.FAILING_SEVERITIES (read by
    cli.fails), the other severities exit 0."""
    from lossguard.cli import EXIT_FINDINGS, EXIT_OK

    failing = " or ".join(s for s in catalog.SEVERITIES if s in catalog.FAILING_SEVERITIES)
    passing = " or ".join(s for s in catalog.SEVERITIES if s not in catalog.FAILING_SEVERITIES)
    for path in (ROOT / "README.md", ROOT / "docs" / "ci.md"):
        text = " ".join(path.read_text(encoding="utf-8").split())
        assert f"(or only findings of severity {passing}), {EXIT_FINDINGS} findings of severity {failing}," in text, path.name
        assert re.search(rf"Exit status(es)?: {EXIT_OK} ", text), path.name


def test_ci_doc_names_how_sarif_and_github_show_an_info_finding():
    from lossguard.static.report import github, sarif

    text = " ".join((ROOT / "docs" / "ci.md").read_text(encoding="utf-8").split())
    assert f"SARIF `{sarif._LEVEL['info']}`, GitHub `::{github._COMMAND['info']}`)" in text


def test_ci_doc_names_the_action_inputs_with_their_defaults():
    """docs/ci.md's list of the GitHub Action's inputs: action.yml owns their names and defaults."""
    import yaml

    inputs = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"]
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    sentence = " ".join(text.split("\nInputs: ", 1)[1].split("\n\n", 1)[0].split())
    named = re.findall(r"`([a-z-]+)` \((?:default `([^`]*)`)?", sentence)
    assert [name for name, _ in named] == list(inputs)
    for name, default in named:
        if default:
            assert default == str(inputs[name]["default"]), name
    assert sum(bool(default) for _, default in named) >= 3


def test_docs_name_only_the_pre_commit_hooks_the_repository_defines():
    import yaml

    hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    named = set()
    for path in (ROOT / "README.md", ROOT / "docs" / "ci.md"):
        text = path.read_text(encoding="utf-8")
        for hook, comment in re.findall(r"- id: (\S+)(.*)", text):  # `- id: lossguard  # check; or lossguard-fix ...`
            named |= {hook, *re.findall(r"\blossguard-[a-z]+", comment)}
    assert named == hooks


def _script_options(script: Path) -> set[str]:
    """The options a bench script's parser declares (read from its source: the scripts import torch)."""
    import ast

    options: set[str] = set()
    for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_argument":
            options |= {a.value for a in node.args if isinstance(a, ast.Constant) and str(a.value).startswith("-")}
    return options | {"-h", "--help"}


def test_every_option_the_docs_give_a_bench_script_is_one_of_its_options():
    """`python bench/static_speed.py --tree PATH` in the README, bench/README.md and docs/*.md: the
    script's parser owns its options."""
    quoted = 0
    for path in (*DOCS, ROOT / "bench" / "README.md"):
        for name, rest in re.findall(r"\bpython bench/(\w+)\.py\b([^\n`#]*)", path.read_text(encoding="utf-8")):
            declared = _script_options(ROOT / "bench" / f"{name}.py")
            for option in re.findall(r"(?<![\w-])--?[a-z][a-z-]*", rest):
                quoted += 1
                assert option in declared, f"{path.name}: `python bench/{name}.py {option}` is not an option"
    assert quoted > 10


def test_docs_quote_the_checker_size_limits():
    """The largest file read (sources.MAX_CHECKED_BYTES) and the batch size (engine.BATCH_FILES),
    as the README and docs/ci.md give them."""
    from lossguard.static.engine import BATCH_FILES
    from lossguard.static.sources import MAX_CHECKED_BYTES

    text = " ".join(" ".join((ROOT / name).read_text(encoding="utf-8").split()) for name in ("README.md", "docs/ci.md"))
    too_large = re.findall(r"(?:file over|limited to|by the same) (\d+) MB", text)
    assert len(too_large) >= 2 and set(too_large) == {f"{MAX_CHECKED_BYTES / 1e6:g}"}
    assert f"a large run is cut into batches of {BATCH_FILES} files" in text


def test_docs_quote_how_far_importers_are_followed():
    """Importers of a named file are followed files.IMPORT_DEPTH imports away, as README and
    docs/ci.md write it (in words)."""
    from lossguard.static.files import IMPORT_DEPTH

    text = " ".join(" ".join((ROOT / name).read_text(encoding="utf-8").split()) for name in ("README.md", "docs/ci.md"))
    quoted = re.findall(r"(\w+) imports away", text)
    assert len(quoted) >= 1 and set(quoted) == {["one", "two", "three"][IMPORT_DEPTH - 1]}


def test_readme_autofix_lists_each_rule_with_its_catalog_fix_safety():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = " ".join(text.split("### Autofix\n", 1)[1].split("\n\n", 1)[0].split())
    safe, unsafe = paragraph.split("; unsafe: ", 1)
    listed = {code: "safe" for code in re.findall(r"LG0\d\d", safe)} | {code: "unsafe" for code in re.findall(r"LG0\d\d", unsafe)}
    assert listed == {p.code: p.fix_safety for p in catalog.of_kind("static") if p.fix_safety != "none"}


def test_docs_count_the_default_detectors():
    """How many detectors run by default (default_detectors() and LossBelowBound, as Watcher
    builds them), as the options tables and watch()'s docstring say it."""
    import lossguard.runtime
    from lossguard.runtime.detectors import default_detectors

    phrase = f"the {['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][len(default_detectors())]} of"
    for path in (ROOT / "docs" / "runtime.md", ROOT / "docs" / "integrations.md"):
        assert _option_rows(path)["detectors"].startswith(f"{phrase} `default_detectors()` and `LossBelowBound()`"), path.name
    doc = " ".join((lossguard.runtime.watch.__doc__ or "").split())
    assert f"{phrase} ``default_detectors()`` and ``LossBelowBound``" in doc


def test_checker_doc_names_what_makes_a_file_analysed():
    """docs/checker.md's list of what a file must mention to be analysed: each word does (the
    prefilter's patterns own the list), and a file with none of them is skipped."""
    from lossguard.static.prefilter import needs_analysis

    text = " ".join((ROOT / "docs" / "checker.md").read_text(encoding="utf-8").split())
    listed = re.search(r"they mention a loss \(([^)]*)\) or `(\w+)`", text)
    assert listed is not None
    words = [*re.findall(r"`([^`]+)`", listed[1]), listed[2]]
    assert len(words) >= 5
    for word in words:
        assert needs_analysis(f"value = helper.{word.replace('...', 'Focal').replace('*', 'focal')}\n"), word
    assert not needs_analysis("value = helper.focal(x)\n")
    # round 34: a call of a plain name with `loss` or `criterion` as a word (a snippet's criterion defined nowhere);
    # the same word read as an attribute, or inside another word, is not one
    for call in ("criterion(out, y)", "loss_fn(out, y)", "lossFn(out, y)", "train_criterion(out, y)"):
        assert needs_analysis(f"err = {call}\n"), call
    for call in ("self.criterion(out, y)", "lossless(out)", "losses(out)", "criterions(out)"):
        assert not needs_analysis(f"err = {call}\n"), call


def test_ci_doc_lists_the_keys_of_a_json_report_entry():
    """docs/ci.md's keys of a JSON report entry, in order: ``kind``, a finding's REPORT_KEYS, ``autofix``."""
    from lossguard.static.finding import REPORT_KEYS

    text = " ".join((ROOT / "docs" / "ci.md").read_text(encoding="utf-8").split())
    keys = text.split("Every entry has the keys ", 1)[1].split(" (plus `cell` for a notebook finding)", 1)[0]
    assert re.findall(r"`(\w+)`", keys) == ["kind", *REPORT_KEYS, "autofix"]
