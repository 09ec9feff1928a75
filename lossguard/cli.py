"""The ``lossguard`` command line: check, rules, explain."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from lossguard import __version__, catalog
from lossguard.errors import UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "concise", "json", "json-lines")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"lossguard: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _codes(value: str) -> list[str]:
    return [v for v in (s.strip() for s in value.split(",")) if v]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lossguard", description="Find loss misuse in PyTorch training code.")
    parser.add_argument("--version", action="version", version=f"lossguard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check Python files for loss misuse")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the current folder)")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    check.add_argument("--select", type=_codes, action="append", default=[], metavar="CODES", help="only these rules (comma-separated codes, prefixes or names)")
    check.add_argument("--extend-select", type=_codes, action="append", default=[], metavar="CODES", help="rules to add to the configured selection")
    check.add_argument("--ignore", type=_codes, action="append", default=[], metavar="CODES", help="rules to leave out")
    check.add_argument("--config", type=Path, metavar="PYPROJECT", help="read [tool.lossguard] from this file instead of the nearest pyproject.toml")
    check.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    check.add_argument("--no-source", action="store_true", help="text format: no code frames")

    rules = sub.add_parser("rules", help="list the catalog of problems")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--all", action="store_true", help="include the runtime detectors (LG1xx)")

    explain = sub.add_parser("explain", help="print a problem's documentation page")
    explain.add_argument("code", help="a code (LG001) or name (double-softmax)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        parser.print_help()
        return EXIT_ERROR
    except UsageError as exc:
        print(f"lossguard: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _console(stream=None):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=stream or sys.stdout, highlight=False, soft_wrap=True)


def _check(args: argparse.Namespace) -> int:
    from lossguard import config
    from lossguard.static.engine import check_files
    from lossguard.static.files import discover

    paths: list[Path] = args.paths or [Path(".")]
    if args.isolated:
        settings = config.Settings()
    else:
        pyproject = args.config if args.config is not None else config.find_pyproject(Path.cwd())
        if args.config is not None and not args.config.is_file():
            raise UsageError(f"--config {args.config}: no such file")
        settings = config.load(pyproject)
    if args.select:
        settings.select = config.expand_codes([c for group in args.select for c in group], "--select")
    if args.extend_select:
        settings.select |= config.expand_codes([c for group in args.extend_select for c in group], "--extend-select")
    if args.ignore:
        settings.select -= config.expand_codes([c for group in args.ignore for c in group], "--ignore")

    files = discover(paths, settings)
    cwd = Path.cwd().resolve()

    def display(p: Path) -> str:
        try:
            return p.resolve().relative_to(cwd).as_posix()
        except ValueError:
            return str(p)

    result = check_files(files, select=settings.select, display=display, per_file_ignores=settings.ignored_codes)

    if args.format == "json":
        from lossguard.static.report.machine import to_json

        sys.stdout.write(to_json(result.findings, result.errors) + "\n")
        _print_errors(result.errors)
    elif args.format == "json-lines":
        from lossguard.static.report.machine import to_json_lines

        sys.stdout.write(to_json_lines(result.findings, result.errors))
        _print_errors(result.errors)
    elif args.format == "concise":
        from lossguard.static.report.text import concise

        concise(_console(), result.findings, [])
        _print_errors(result.errors)
    else:
        from lossguard.static.report.text import render

        console = _console()
        if args.quiet:
            from lossguard.static.report.text import concise

            concise(console, result.findings, [])
            _print_errors(result.errors)
        else:
            render(console, result.findings, [], result.files_checked, show_source=not args.no_source)
            _print_errors(result.errors)
    if result.errors:
        return EXIT_ERROR
    if result.findings and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


def _print_errors(errors: list) -> None:  # type: ignore[type-arg]
    for e in errors:
        print(f"lossguard: error: {e.path}: {e.reason}", file=sys.stderr)


def _rules(args: argparse.Namespace) -> int:
    problems = [p for p in catalog.PROBLEMS.values() if args.all or p.kind == "static"]
    if args.format == "json":
        print(json.dumps([{"code": p.code, "name": p.name, "severity": p.severity, "kind": p.kind, "summary": p.summary, "fix_safety": p.fix_safety} for p in problems], indent=2))
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
