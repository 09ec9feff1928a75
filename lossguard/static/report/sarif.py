"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Rules carry the catalog's words (summary, the full page as help), results carry paths relative
to ``%SRCROOT%`` (the repository root) and a ``partialFingerprints`` entry that survives code
moving (see lossguard.static.fingerprint). Notebook results point into the cell: the region is
cell-relative and ``properties.cell`` names the cell.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from lossguard import __version__, catalog, docs_gen
from lossguard.static.finding import FileError, Finding
from lossguard.static.fingerprint import fingerprints
from lossguard.static.sources import SourceSet

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/lossguard/lossguard"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _artifact(display: str, sources: SourceSet) -> dict[str, str]:
    """Relative to %SRCROOT% when the file is under the root, else an absolute file URI."""
    rel = sources.relative(display)
    raw = rel.encode("utf-8", "surrogateescape")  # a file name that is not UTF-8: its bytes, percent-encoded
    if rel.startswith("/"):
        return {"uri": "file://" + quote(raw)}
    return {"uri": quote(raw), "uriBaseId": "%SRCROOT%"}


def _rule(problem: catalog.Problem) -> dict[str, object]:
    return {
        "id": problem.code,
        "name": problem.name,
        "shortDescription": {"text": problem.summary},
        "fullDescription": {"text": problem.why},
        "help": {"text": catalog.render_page(problem), "markdown": catalog.render_page(problem)},
        "helpUri": f"{INFORMATION_URI}/blob/main/{docs_gen.DEFAULT_OUT.as_posix()}/{docs_gen.page_name(problem.code)}",
        "defaultConfiguration": {"level": _LEVEL.get(problem.severity, "warning")},
        "properties": {"tags": ["pytorch", "loss", problem.kind], "problem.severity": problem.severity},
    }


def to_sarif(findings: list[Finding], errors: list[FileError], sources: SourceSet, virtual: list[Finding] | None = None) -> str:
    """The SARIF log. ``virtual`` are the same findings with notebook lines not yet mapped to cells
    (fingerprints are taken from the checked text); by default ``findings`` themselves."""
    static = catalog.of_kind("static")
    index = {p.code: i for i, p in enumerate(static)}
    prints = fingerprints(virtual if virtual is not None else findings, sources)
    results = []
    for f, fp in zip(findings, prints):
        region: dict[str, object] = {
            "startLine": f.line,
            "startColumn": f.col,
            "endLine": f.end_line,
            "endColumn": f.end_col,
        }
        result: dict[str, object] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact(f.path, sources),
                        "region": region,
                    }
                }
            ],
            "partialFingerprints": {"lossguard/v1": fp},
        }
        properties: dict[str, object] = {}
        if f.cell is not None:
            properties["cell"] = f.cell
        if f.new_suppression is not None:
            properties["newSuppression"] = {"line": f.new_suppression}
        if properties:
            result["properties"] = properties
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{e.path}: {e.reason}"},
            **({"locations": [{"physicalLocation": {"artifactLocation": _artifact(e.path, sources)}}]} if e.path in sources.paths else {}),
        }
        for e in errors
    ]
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "lossguard",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(p) for p in static],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": sources.root.as_uri() + "/"}},
        "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2) + "\n"
