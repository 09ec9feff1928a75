"""The ``lossguard`` command line: check, baseline, rules, explain."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from lossguard import __version__, catalog
from lossguard.errors import UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "concise", "json", "json-lines", "sarif", "github")
DEFAULT_BASELINE = "lossguard-baseline.json"
_PREVIEW = "\0preview"  # `--diff` given without a ref


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"lossguard: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _codes(value: str) -> list[str]:
    return [v for v in (s.strip() for s in value.split(",")) if v]


def _add_selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the current folder)")
    p.add_argument(
        "--select", type=_codes, action="append", default=[], metavar="CODES", help="only these rules (comma-separated codes, prefixes or names)"
    )
    p.add_argument("--extend-select", type=_codes, action="append", default=[], metavar="CODES", help="rules to add to the configured selection")
    p.add_argument("--ignore", type=_codes, action="append", default=[], metavar="CODES", help="rules to leave out")
    p.add_argument("--config", type=Path, metavar="PYPROJECT", help="read [tool.lossguard] from this file instead of the nearest pyproject.toml")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lossguard", description="Find loss misuse in PyTorch training code.")
    parser.add_argument("--version", action="version", version=f"lossguard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check Python files and notebooks for loss misuse")
    _add_selection(check)
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    check.add_argument("--output-file", "-o", type=Path, metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    check.add_argument("--no-source", action="store_true", help="text format: no code frames")
    check.add_argument("--statistics", action="store_true", help="print how many findings of each code instead of the findings")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not recorded in FILE (see `lossguard baseline`)")
    check.add_argument(
        "--diff",
        nargs="?",
        const=_PREVIEW,
        metavar="REF",
        help="with REF: report only findings on lines changed since the git ref REF (untracked files count as "
        "changed), with REF's configuration, baseline and suppression comments; without REF: print the fixes --fix "
        "would make as a diff, and write nothing",
    )
    check.add_argument(
        "--allow-new-suppressions",
        action="store_true",
        help="with --diff REF: trust the configuration, baseline and suppression comments that the change adds",
    )
    check.add_argument("--fix", action="store_true", help="apply the safe automatic fixes, then report what remains")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: also apply fixes that change values (alone, a usage error)")
    check.add_argument("--add-noqa", action="store_true", help="add `# noqa: CODE` comments for the findings instead of reporting them")
    check.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="worker processes for a run over 100 files (default: LOSSGUARD_JOBS, else the usable cores; 1: none)",
    )

    base = sub.add_parser("baseline", help="record the current findings, so that `check --baseline` reports only new ones")
    _add_selection(base)
    base.add_argument(
        "--output-file", "-o", type=Path, default=Path(DEFAULT_BASELINE), metavar="FILE", help=f"where to write it (default: {DEFAULT_BASELINE})"
    )
    base.add_argument("--quiet", "-q", action="store_true", help="print nothing on success")

    rules = sub.add_parser("rules", help="list the catalog of problems")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--all", action="store_true", help="include the runtime detectors (LG1xx)")

    explain = sub.add_parser("explain", help="print a problem's documentation page")
    explain.add_argument("code", help="a code (LG001) or name (double-softmax)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = _Stream(stdout, 1)  # type: ignore[assignment]
    sys.stderr = _Stream(stderr, 2, tolerate=OSError)  # type: ignore[assignment]
    try:
        code = _main(argv)
        sys.stdout.flush()  # what print() left in the buffer fails here, not at exit
        return code
    except _OutputError as exc:
        return _output_failed(exc)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    ambiguous = _option_and_file(argv)
    if ambiguous is not None:
        from lossguard.static.sources import printable

        parser.print_usage(sys.stderr)
        print(
            f"lossguard: error: {printable(ambiguous)} is an option and also a file here; put `--` before the files "
            f"(`lossguard check [OPTIONS] -- FILES`) to check it as a file",
            file=sys.stderr,
        )
        return EXIT_ERROR
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "baseline":
            return _baseline(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        parser.print_help()
        return EXIT_ERROR
    except UsageError as exc:
        from lossguard.static.sources import printable

        print(f"lossguard: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except _OutputError:
        raise  # main() handles it; not the internal error below
    except Exception as exc:  # noqa: BLE001 - a bug: say so and exit 2 (not checked), never 1 (findings)
        import traceback

        print(f"lossguard: internal error ({type(exc).__name__}: {exc}); nothing was checked. Please report it:", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return EXIT_ERROR


def _option_and_file(argv: list[str]) -> str | None:
    """An argument before ``--`` that reads as an option and names an existing file. pre-commit
    passes the staged files after the hook's own arguments, and a file with a Python shebang
    counts as Python whatever its name: a file named ``--exit-zero`` would turn the gate off.
    (git refuses a name that is both a revision and a file in the same way.)"""
    import os

    for arg in argv:
        if arg == "--":
            return None
        if arg.startswith("-") and arg != "-" and os.path.lexists(arg):
            return arg
    return None


def _tolerant_streams() -> None:
    """Characters the console cannot show (a code frame on a non-UTF-8 console, a file name that
    is not UTF-8) are escaped instead of crashing the report."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot be reconfigured
                pass


def _discard(fd: int) -> None:
    """Point file descriptor ``fd`` at /dev/null, so that what is written to it later, and the
    flush at exit, do not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def _output_failed(exc: Exception) -> int:
    _discard(1)
    print(f"lossguard: error: cannot write to standard output ({exc})", file=sys.stderr)
    return EXIT_ERROR


class _OutputError(Exception):
    """Standard output cannot be written (a full disk, an I/O error): exit 2 saying so, not an internal error."""


class _Stream:
    """``sys.stdout`` or ``sys.stderr`` while a command runs. A reader that went away
    (``lossguard check | head``, ``| true``) ends the output, not the command: the rest is
    discarded and the exit status stays the run's (0, 1 or 2), as if the report had been read.
    Any other failed write to standard output raises :class:`_OutputError` (exit 2, said on
    standard error), so that it is told apart from a bug; on standard error (``tolerate``)
    there is nowhere left to say it, and the status says it."""

    def __init__(self, stream: TextIO, fd: int, tolerate: type[OSError] = BrokenPipeError) -> None:
        self._stream = stream
        self._fd = fd
        self._tolerate = tolerate
        self._closed = False

    def _guard(self, action: Callable[[], object]) -> object:
        if self._closed:
            return None
        try:
            return action()
        except self._tolerate:
            self._closed = True
            if getattr(self._stream, "fileno", None) is not None:
                try:
                    if self._stream.fileno() == self._fd:
                        _discard(self._fd)
                except (OSError, ValueError):
                    pass
            return None
        except OSError as exc:
            raise _OutputError(exc.strerror or str(exc)) from exc

    def write(self, text: str) -> int:
        self._guard(lambda: self._stream.write(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._guard(self._stream.flush)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _console(stream=None):  # type: ignore[no-untyped-def]
    from rich.console import Console

    # emoji=False: rich would turn a location such as ``train.py:100:17`` into ``train.py💯17``
    return Console(file=stream or sys.stdout, highlight=False, soft_wrap=True, emoji=False)


def _settings(args: argparse.Namespace, changes=None):  # type: ignore[no-untyped-def]
    """The settings of a run, and warnings about them. ``changes``: ``--diff REF``'s, whose
    configuration is REF's (lossguard.static.ref_trust.settings)."""
    from lossguard import config

    warnings: list[str] = []
    if args.isolated:
        settings = config.Settings()
    else:
        if args.config is not None and not args.config.is_file():
            raise UsageError(f"--config {args.config}: no such file")
        pyproject = args.config if args.config is not None else config.find_pyproject(Path.cwd())
        settings = config.load(pyproject)
        if changes is not None:
            from lossguard.static import ref_trust

            settings, warning = ref_trust.settings(settings, args.config, Path.cwd(), changes)
            warnings += [warning] if warning else []
    if args.select:
        settings.select = config.expand_codes([c for group in args.select for c in group], "--select")
    if args.extend_select:
        settings.select |= config.expand_codes([c for group in args.extend_select for c in group], "--extend-select")
    if args.ignore:
        settings.select -= config.expand_codes([c for group in args.ignore for c in group], "--ignore", allow_runtime=True)
    if not settings.select:
        where = f" (in {settings.source})" if settings.source is not None and not args.select else ""
        raise UsageError(f"no rule is selected{where}: nothing would be checked. Name at least one code (see `lossguard rules`)")
    return settings, warnings


def _jobs(value: str) -> int:
    if not value.strip().isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), got {value!r}")
    return int(value)


def _check(args: argparse.Namespace) -> int:
    from lossguard.static.run import run_check

    if args.add_noqa and (args.statistics or args.output_file is not None):
        raise UsageError("--add-noqa writes comments into the files; it cannot be combined with --statistics or --output-file")
    if args.diff is not None and args.diff != _PREVIEW and _diff_names_a_path(args.diff):
        args.paths.append(Path(args.diff))  # `--diff src/`: a path, not a ref
        args.diff = _PREVIEW
    if args.unsafe_fixes and not args.fix and args.diff != _PREVIEW:
        raise UsageError("--unsafe-fixes only widens what --fix applies (or --diff previews); add --fix or --diff")
    if args.fix and args.add_noqa:
        raise UsageError("--fix and --add-noqa cannot be combined: fix first, then add noqa comments")
    if args.allow_new_suppressions and (args.diff is None or args.diff == _PREVIEW):
        raise UsageError("--allow-new-suppressions only changes what --diff REF trusts; add --diff REF")
    if args.output_file is not None:
        _remove_old_report(args.output_file)
    changes = None
    if args.diff is not None and args.diff != _PREVIEW:
        from lossguard.static.gitdiff import changes_since

        changes = changes_since(args.diff, Path.cwd().resolve())
    settings, warnings = _settings(args, None if args.allow_new_suppressions else changes)
    paths = args.paths or [Path(".")]
    if args.diff == _PREVIEW:
        return _preview(args, run_check(paths, settings, Path.cwd().resolve(), fix="preview", unsafe_fixes=args.unsafe_fixes, jobs=args.jobs))
    outcome = run_check(
        paths,
        settings,
        Path.cwd().resolve(),
        baseline=args.baseline,
        changes=changes,
        fix="write" if args.fix else None,
        unsafe_fixes=args.unsafe_fixes,
        jobs=args.jobs,
        trust_change=args.allow_new_suppressions,
    )
    from lossguard.static.sources import printable

    for warning in warnings + outcome.warnings:
        print(f"lossguard: warning: {printable(warning)}", file=sys.stderr)
    if args.fix:
        if outcome.fixed and not args.quiet:
            n, n_files = outcome.fixed, len(outcome.fixes)
            print(f"Fixed {n} problem{'s' if n != 1 else ''} in {n_files} file{'s' if n_files != 1 else ''}.", file=sys.stderr)

    if outcome.files_checked == 0 and not outcome.errors:
        print(f"lossguard: warning: no Python file or notebook found under {printable(', '.join(str(p) for p in paths))}", file=sys.stderr)
    if args.add_noqa:
        return _add_noqa(args, outcome)
    if args.output_file is not None:
        with _report_file(args.output_file) as stream:
            _report(args, outcome, stream)
    else:
        _report(args, outcome, sys.stdout)
        sys.stdout.flush()
    _print_errors(outcome.errors)
    if outcome.errors:
        return EXIT_ERROR
    if fails(outcome.findings) and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


@contextmanager
def _report_file(path: Path) -> Iterator[TextIO]:
    """``--output-file`` written whole or not at all: the report goes to a new file beside it
    (:func:`_open_report`), which replaces ``path`` in one step when every byte is written. A
    write that fails (a full disk, a file size limit; a short report fails only at the last
    flush) removes it and is a usage error naming the file, not an internal error: no partial
    report is left for the action to upload, and two runs given the same file (a matrix job)
    leave one of their reports, never the two interleaved."""
    import os

    stream, temporary = _open_report(path)
    try:
        try:
            with stream:
                yield stream
            if temporary is not None:
                os.replace(temporary, path)  # (a link made at ``path`` since is replaced, not followed)
        except OSError as exc:
            raise _unwritable(path, exc) from exc
    except BaseException:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
        raise


def _remove_old_report(path: Path) -> None:
    """Remove ``--output-file``'s file before the run, so that a run that stops early (a usage
    error: a configuration that is not TOML, a ref not fetched) leaves no report behind. The
    action uploads the SARIF file whenever it exists: a clean ``lossguard.sarif`` that a pull
    request commits (code scanning would close every open alert) must never be the one uploaded.
    A link is refused here already, as when writing (:func:`_open_report`)."""
    import os

    from lossguard.static.run import linked

    if linked(path):
        raise _through_link(path)
    try:
        if os.path.isfile(path):
            os.unlink(path)
    except OSError:
        pass  # (said when the report is written)


def _through_link(path: Path) -> UsageError:
    return UsageError(f"--output-file {path}: it is (or is inside) a symbolic link; not written (name a file that is not a link)")


def _open_report(path: Path) -> tuple[TextIO, str | None]:
    """``--output-file`` opened for writing, never through a symbolic link (the file or a folder
    on the way to it below the current folder): the action writes its report inside the
    checked-out repository, where a pull request could have made it a link to a file of the
    runner, or to a script a later step runs, and the report holds text it chose. A regular
    file (or none yet) is written as a new file beside it, returned with its name
    (:func:`_report_file` moves it into place), with the mode a new file gets (0666 less the
    umask); anything else (a device, a FIFO), or a file in a folder where no file can be made, is
    written in place, with None."""
    import errno
    import os
    import stat
    import tempfile

    from lossguard.static.run import linked

    refused = _through_link(path)
    if linked(path):
        raise refused
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        mode = None

    def in_place() -> tuple[TextIO, None]:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # became a link since
                raise refused from exc
            raise _unwritable(path, exc) from exc
        return open(fd, "w", encoding="utf-8", errors="backslashreplace"), None

    if mode is not None and not stat.S_ISREG(mode):
        return in_place()
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        if mode is not None:  # a file that may be writable in a folder that is not (it could not be removed either)
            return in_place()
        raise _unwritable(path, exc) from exc
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(temporary, 0o666 & ~umask)
    except OSError:
        pass
    return open(fd, "w", encoding="utf-8", errors="backslashreplace"), temporary


def _unwritable(path: Path, exc: OSError) -> UsageError:
    """``--output-file`` could not be opened or written (a full disk, a folder, no permission)."""
    return UsageError(f"--output-file {path}: cannot write it ({exc.strerror or exc})")


def fails(findings: Sequence[object]) -> bool:
    """Whether findings fail the run (exit 1): any of severity warning or error. Info findings
    (a redundant log_softmax, a numerically fragile sigmoid + BCELoss) are reported, not failed on."""
    return any(getattr(f, "severity", "error") in catalog.FAILING_SEVERITIES for f in findings)


def _diff_names_a_path(value: str) -> bool:
    """Whether ``--diff VALUE`` is ``--diff PATH`` (a preview of the path's fixes, argparse having
    taken the path for the option's value) rather than ``--diff REF``: VALUE names an existing
    path and is not a commit. In a git work tree a VALUE that could also name a revision not
    fetched yet (``origin/main`` in a clone with one commit) is an error instead: a pull request
    that added a folder of that name would otherwise turn the gate into a preview that passes."""
    from lossguard.static.gitdiff import is_commit, may_name_a_revision, toplevel

    if not Path(value).exists() or is_commit(value, Path.cwd()):
        return False
    if may_name_a_revision(value) and toplevel(Path.cwd()) is not None:
        raise UsageError(
            f"--diff {value}: not a commit in this repository (in CI, fetch it first: actions/checkout with fetch-depth: 0), "
            f"and a path of that name exists, so what was meant is not known. To preview the fixes of that path, write "
            f"`lossguard check {value} --diff`"
        )
    return True


def _preview(args: argparse.Namespace, outcome) -> int:  # type: ignore[no-untyped-def]
    """``--diff`` without a ref: print the fixes --fix would make as a unified diff, write nothing."""
    import difflib

    from lossguard.static.sources import LineTable, printable

    for r in outcome.fixes:  # a notebook's original is its code cells joined, as the fix saw them
        name = printable(str(r.path))
        sys.stdout.writelines(difflib.unified_diff(LineTable(r.original).keepends(), LineTable(r.fixed).keepends(), name, name))
    sys.stdout.flush()
    _print_errors(outcome.errors)
    applied = outcome.fixed
    if not args.quiet:
        print(f"Would fix {applied} problem{'s' if applied != 1 else ''}." if applied else "No fixes available.", file=sys.stderr)
    if outcome.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if applied else EXIT_OK


def _report(args: argparse.Namespace, outcome, stream: TextIO) -> None:  # type: ignore[no-untyped-def]
    findings, errors = outcome.findings, outcome.errors
    if args.statistics:
        from lossguard.static.report import statistics

        if args.format in ("json", "json-lines"):
            stream.write(statistics.to_json(findings, len(errors)))
        else:
            statistics.render(_console(stream), findings)
        return
    if args.format == "json":
        from lossguard.static.report.machine import to_json

        stream.write(to_json(findings, errors) + "\n")
    elif args.format == "json-lines":
        from lossguard.static.report.machine import to_json_lines

        stream.write(to_json_lines(findings, errors))
    elif args.format == "sarif":
        from lossguard.static.report.sarif import to_sarif

        stream.write(to_sarif(findings, errors, outcome.sources, virtual=outcome.virtual))
    elif args.format == "github":
        from lossguard.static.report.github import to_github

        stream.write(to_github(findings, errors, {f.path: outcome.sources.relative(f.path) for f in findings}))
    elif args.format == "concise" or args.quiet:
        from lossguard.static.report.text import concise

        concise(_console(stream), findings)
    else:
        from lossguard.static.report.text import render
        from lossguard.static.sources import physical_lines

        console = _console(stream)
        sources = outcome.sources

        def lines_of(f):  # type: ignore[no-untyped-def]
            book = sources.notebooks.get(f.path)
            if book is not None and f.cell is not None:
                return physical_lines(book.cell_sources.get(f.cell, ""))
            return sources.lines(f.path)

        render(console, findings, outcome.files_checked, show_source=not args.no_source, lines_of=lines_of, errors=errors)
        hidden = []
        if outcome.hidden_by_baseline:
            hidden.append(f"{outcome.hidden_by_baseline} in the baseline")
        if outcome.hidden_by_diff:
            base = f" (at its merge base with HEAD, {outcome.diff_base[:12]})" if outcome.diff_base else ""
            hidden.append(f"{outcome.hidden_by_diff} on lines unchanged since {args.diff}{base}")
        if hidden:
            console.print(f"Not shown: {'; '.join(hidden)}.", style="dim")


def _add_noqa(args: argparse.Namespace, outcome) -> int:  # type: ignore[no-untyped-def]
    from lossguard.static.noqa import add_noqa

    named = [f for f in outcome.findings if f.via is None]  # only the files it checked are edited
    result = add_noqa(named, outcome.sources.paths)
    result.skipped[:0] = [
        f"{f.path}:{f.line}: the file was not named (the finding comes from {f.via})" for f in outcome.findings if f.via is not None
    ]
    from lossguard.static.sources import printable

    for why in result.skipped:
        print(f"lossguard: warning: no noqa comment added at {printable(why)}", file=sys.stderr)
    _print_errors(outcome.errors)
    if not args.quiet:
        n, files = result.added, result.files
        print(f"Added {n} noqa comment{'s' if n != 1 else ''} to {files} file{'s' if files != 1 else ''}.")
    return EXIT_ERROR if outcome.errors else EXIT_OK


def _baseline(args: argparse.Namespace) -> int:
    from lossguard.static.baseline import dump
    from lossguard.static.run import run_check

    outcome = run_check(args.paths or [Path(".")], _settings(args)[0], Path.cwd().resolve())
    with _report_file(args.output_file) as stream:
        stream.write(dump(outcome.virtual, outcome.sources, located=outcome.findings))
    _print_errors(outcome.errors)
    if outcome.errors:
        print("lossguard: warning: the files above could not be checked; their findings are not in the baseline", file=sys.stderr)
    if not args.quiet:
        n = len(outcome.findings)
        print(f"Recorded {n} finding{'s' if n != 1 else ''} in {args.output_file}. Use it with `lossguard check --baseline {args.output_file}`.")
    return EXIT_ERROR if outcome.errors else EXIT_OK


def _print_errors(errors: list) -> None:  # type: ignore[type-arg]
    from lossguard.static.sources import printable

    for e in errors:
        print(f"lossguard: error: {printable(e.path)}: {printable(e.reason)}", file=sys.stderr)


def _rules(args: argparse.Namespace) -> int:
    problems = list(catalog.PROBLEMS.values()) if args.all else catalog.of_kind("static")
    if args.format == "json":
        print(
            json.dumps(
                [
                    {"code": p.code, "name": p.name, "severity": p.severity, "kind": p.kind, "summary": p.summary, "fix_safety": p.fix_safety}
                    for p in problems
                ],
                indent=2,
            )
        )
        return EXIT_OK
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    table.add_column("code")
    table.add_column("name")
    table.add_column("severity")
    table.add_column("summary")
    for p in problems:
        table.add_row(p.code, p.name, p.severity, p.summary)
    _console().print(table)
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    try:
        problem = catalog.get(args.code)
    except KeyError:
        raise UsageError(f"unknown code {args.code!r}; `lossguard rules --all` lists them") from None
    from rich.markdown import Markdown

    console = _console()
    if console.is_terminal:
        console.print(Markdown(catalog.render_page(problem)))
    else:
        sys.stdout.write(catalog.render_page(problem))
    return EXIT_OK
