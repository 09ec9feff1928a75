"""Code pasted into an issue, a forum post or a file, read the way IPython reads a cell (round 39, branch threads29).

Used by :func:`lossguard.static.sources.parse` only for text that Python's parser and the Python 2 reader both refuse.
"""

from __future__ import annotations

import ast

from lossguard.static.sources import conflict_marker_line, parse_quietly, physical_lines


def parse_as_pasted(source: str) -> ast.Module | None:
    """The tree of code pasted into an issue, a forum post or a file, read the way IPython reads a
    cell: lines lifted from a function body (every line indented: the first line's indentation
    goes), a console session (``>>> `` / ``... `` and ``In [n]: `` prompts go, the lines it printed
    are blanked), ``%magic`` and ``!shell`` lines (they become ``pass``); then each block indented
    under a header at column 0 is moved back (:func:`_dedent_block`). Line numbers stay; each
    node's columns are moved back by what was removed from its line, so findings point into the
    text as written. None when the text needs none of that, or still does not parse (an
    unfinished merge is never read so)."""
    from lossguard.static import notebook  # only for text Python refuses

    if conflict_marker_line(source) is not None:
        return None
    original = physical_lines(source)
    lines, removed = notebook.python_lines(notebook.without_outputs(source))
    tree = None
    for _ in range(MAX_PASTED_BLOCKS):
        try:
            tree = parse_quietly("".join(line + "\n" for line in lines))
            break
        except SyntaxError as err:
            if err.msg != "unexpected indent" or not err.lineno or not _dedent_block(lines, removed, err.lineno - 1):
                return None
        except ValueError:
            return None
    if tree is None or lines == original:
        return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.expr, ast.stmt, ast.excepthandler, ast.arg, ast.keyword, ast.alias, ast.pattern)):
            node.col_offset += removed[node.lineno - 1] if node.lineno <= len(removed) else 0
            if node.end_lineno is not None and node.end_col_offset is not None and node.end_lineno <= len(removed):
                node.end_col_offset += removed[node.end_lineno - 1]
    return tree


#: how many indented blocks of one pasted text are moved back to the indentation around them
MAX_PASTED_BLOCKS = 50


def _dedent_block(lines: list[str], removed: list[int], start: int) -> bool:
    """Move the block of lines that starts at ``lines[start]`` (an unexpected indent: lines pasted
    from a function body under a header written at column 0, such as a post's imports or a corpus
    file's docstring) back by that line's indentation, up to the first code line indented less;
    blank and comment lines inside it go along. False when there is nothing to move."""
    line = lines[start]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if not indent:
        return False
    for i in range(start, len(lines)):
        text = lines[i]
        if text.startswith(indent):
            lines[i] = text[len(indent) :]
            removed[i] += len(indent)
        elif text.strip() and not text.lstrip().startswith("#"):
            break
    return True
