"""lossguard.static.sources: decoding, the line table, guarded parsing."""

from __future__ import annotations

import ast
import sys

import pytest

from lossguard.static import sources


@pytest.mark.parametrize(
    "text",
    ["a\nb\n", "a\r\nb\r\n", "a\rb\r", "a\x0cb\nc\n", "a \u2028 b\nc", "x = 1 # c\ry = 2\n", "", "\n\n"],
)
def test_line_table_breaks_lines_where_python_does(text: str):
    table = sources.LineTable(text)
    assert "".join(line + end for line, end in zip(table.lines, table.endings)) == text
    # every line starts where its offset says
    for line, offset in zip(table.lines, table.offsets):
        assert text[offset : offset + len(line)] == line


def test_line_numbers_agree_with_ast():
    text = "x = 1  # c\ry = 2\x0c\nz = 3  # \u2028 w\nq = 4\r\nr = 5\n"
    table = sources.LineTable(text)
    for node in ast.parse(text).body:
        assert table.line(node.lineno).startswith(ast.unparse(node).split(" ")[0])
    assert sources.physical_lines(text) == table.lines[:-1]


def test_keepends_and_newline():
    table = sources.LineTable("a\r\nb\nc")
    assert table.keepends() == ["a\r\n", "b\n", "c"]
    assert table.newline(1) == "\r\n" and table.newline(2) == "\n" and table.newline(3) == "\r\n"
    assert sources.LineTable("x").newline() == "\n"


def test_decode_honours_pep263_and_bom():
    latin = "# -*- coding: latin-1 -*-\ns = 'é'\n"
    assert sources.decode(latin.encode("latin-1")) == latin
    assert sources.decode(b"\xef\xbb\xbfx = 1\n") == "x = 1\n"
    assert sources.encode_like("x = 'é'\n", b"\xef\xbb\xbfx = 1\n") == "\ufeffx = 'é'\n".encode()
    assert sources.encode_like(latin, latin.encode("latin-1")) == latin.encode("latin-1")
    with pytest.raises(sources.SourceError, match="not valid UTF-8"):
        sources.decode(b"x = '\xe9'\n")
    with pytest.raises(sources.SourceError, match="cannot decode"):
        sources.decode(b"# coding: no-such-codec\nx = 1\n")


def test_parse_never_crashes_on_depth():
    with pytest.raises(ValueError, match="syntax error"):
        sources.parse("x = " + "(" * 2000 + "1" + ")" * 2000 + "\n")  # libcst's native parser is never asked
    assert not sources.native_parse_safe("(" * 1000)
    tree = sources.parse("y = a" + ".b" * 3000 + "\n")
    assert isinstance(tree.body[0], ast.Assign)


def test_printable_file_names():
    assert sources.printable("tr\udce9in.py") == "tr\\xe9in.py"
    assert sources.printable("plain.py") == "plain.py"


def test_python_36_async_as_a_name_still_parses():
    # bearpaw/pytorch-classification, haitongli/knowledge-distillation-pytorch (survey): torch 0.4 code
    tree = sources.parse("inputs = inputs.cuda(async=True)\n")
    call = tree.body[0].value
    assert [k.arg for k in call.keywords] == ["async"]
    with pytest.raises(ValueError, match="syntax error at line 1"):
        sources.parse("x.cuda(async=True) +\n")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the syntax is valid for the running Python")
def test_newer_syntax_is_told_from_the_statement_where_parsing_stopped(monkeypatch: pytest.MonkeyPatch):
    """A file Python's parser rejects was handed whole to libcst, to word "uses syntax newer than
    Python 3.x": 7 to 27 s and 650 MB for a 1 MB file with a syntax error, spent on the message.
    libcst is given the top-level statement where parsing stopped (with its decorator's line, and
    the block of an `else:` at column 0), and only when that statement fails Python's parser on
    its own too. Look-alikes: a statement broken for every Python gets no hint; an error caused
    by the text around a statement that parses alone gets none either."""
    import libcst

    given: list[int] = []
    real = libcst.parse_module

    def spy(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        given.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(libcst, "parse_module", spy)
    filler = "def step(x):\n    return x + 1\n\n\n" * 5_000
    generic = "def first[T](xs: list[T]) -> T:\n    return xs[0]\n"
    for text in (filler + generic, filler + "@cache\n" + generic, filler + "if x:\n    pass\nelse:\n    " + generic.replace("\n    ", "\n        ")):
        given.clear()
        with pytest.raises(ValueError, match="newer than Python"):
            sources.parse(text)
        assert given and max(given) < 200, given
    with pytest.raises(ValueError) as err:
        sources.parse(filler + "def broken(:\n    pass\n")
    assert "newer than" not in str(err.value)
    with pytest.raises(ValueError) as err:
        sources.parse("x = [\n1,\n" + generic)  # (stops in `def`, which parses alone: no hint)
    assert "newer than" not in str(err.value)


@pytest.mark.parametrize(
    ("wrapped", "plain"),
    [
        ("loss = (\n    criterion(out, y) * w\n)", "loss = criterion(out, y) * w"),
        ("total += (\n    loss.item()\n)", "total += loss.item()"),
        ("return (\n    a + b\n)", "return a + b"),
        ('x = (")(" + y)', 'x = ")(" + y'),
        ("a = b = (c)", "a = b = c"),
    ],
)
def test_black_parentheses_around_a_right_hand_side_read_as_none(wrapped: str, plain: str):
    """What black and ruff format put around a long right-hand side is not part of the key."""
    assert sources.code_form(sources.unwrapped(wrapped)) == sources.code_form(sources.unwrapped(plain))


@pytest.mark.parametrize(
    "text",
    ["x = (a) + (b)", "f(a=(b))", "x = (a)[0]", "y = f(x)", "x = (a\n"],  # (the last does not tokenize)
)
def test_parentheses_that_do_not_wrap_a_whole_right_hand_side_stay(text: str):
    assert sources.unwrapped(text) == text
