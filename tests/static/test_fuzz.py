"""The checker never crashes on valid Python (hypothesmith, as in flake8-bugbear's fuzz test).

Arbitrary generated code rarely mentions a loss, and the engine skips such files before
parsing, so every generated module is wrapped in a training-script prelude and epilogue
that force the full analysis. A third strategy splices real PyTorch calls into unusual
syntax, where the abstract interpreter is most likely to meet a shape it did not expect.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from lossguard.static.engine import check_files

PRELUDE = """\
import torch
import torch.nn as nn
import torch.nn.functional as F
criterion = nn.CrossEntropyLoss()
model = nn.Sequential(nn.Linear(8, 4), nn.Softmax(dim=1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
"""

EPILOGUE = """
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
"""

# max_examples comes from the hypothesis profile that tests/conftest.py loads: 25 in the whole
# suite, a bounded sample in the fast part (`-m "not integration"`).
EXAMPLES = settings.default.max_examples
FUZZ = settings(
    deadline=None,
    derandomize=True,
    # Generate only: hypothesmith's strategies can make the later phases (target, shrink) run
    # for many minutes; a failing example is still printed, unshrunk.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


def _is_valid(source: str) -> bool:
    try:
        compile(source, "<fuzz>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def assert_checks_cleanly(source: str) -> None:
    """Check ``source`` as a file; nothing may raise and no file error may be internal."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzzed.py"
        path.write_text(source, encoding="utf-8")
        result = check_files([path])
    internal = [e for e in result.errors if "internal error" in e.reason]
    assert not internal, f"{internal}\n--- source ---\n{source}"


def _hypothesmith():  # type: ignore[no-untyped-def]
    import hypothesmith  # importing it takes seconds: only where its tests run (integration)

    return hypothesmith


@pytest.mark.integration
@FUZZ
@given(st.deferred(lambda: _hypothesmith().from_grammar()))
def test_grammar_generated_code_never_crashes(code: str) -> None:
    source = PRELUDE + code + ("" if code.endswith("\n") else "\n") + EPILOGUE
    assume(_is_valid(source))
    assert_checks_cleanly(source)


@pytest.mark.integration
@FUZZ
@given(st.deferred(lambda: _hypothesmith().from_node()))
def test_node_generated_code_never_crashes(code: str) -> None:
    source = PRELUDE + code + ("" if code.endswith("\n") else "\n") + EPILOGUE
    assume(_is_valid(source))
    assert_checks_cleanly(source)


# Pieces of training code in odd syntactic positions.
EXPRS = [
    "x",
    "y",
    "model(x)",
    "model(*args, **kwargs)",
    "F.softmax(x)",
    "F.softmax(x, dim=-1)",
    "torch.sigmoid(model(x))",
    "x.sigmoid()",
    "F.log_softmax(model(x), 1)",
    "x.softmax(1)",
    "model(x)[0]",
    "model(x)[:, -1]",
    "model(x).logits",
    "(lambda t: t)(x)",
    "x if flag else y",
    "[t for t in x]",
    "{k: v for k, v in batch.items()}",
    "(x := model(x))",
    "y.long()",
    "y.float()",
    "torch.cat([x, y], dim=0)",
    "x.view(-1, 10)",
    "out[..., None]",
    "criterion",
    "F.cross_entropy",
    "loss",
    "loss.item()",
    "sum(losses)",
    "None",
    "0",
    "'s'",
    "nn.BCELoss()(x, y)",
    "F.nll_loss(x, y, size_average=True)",
    "F.kl_div(x, y)",
    "nn.CTCLoss()(x, y, a, b)",
    "torch.stack(losses).mean()",
    "getattr(model, 'fc')(x)",
    "self.head(x)",
    "super().forward(x)",
    "(yield x)",
    "await x",
    "*x",
    "x @ y",
    "-x",
    "not x",
]
CALLS = [
    "criterion({a}, {b})",
    "F.cross_entropy({a}, {b})",
    "nn.CrossEntropyLoss()({a}, {b})",
    "F.binary_cross_entropy({a}, {b})",
    "F.binary_cross_entropy_with_logits({a}, {b})",
    "nn.BCEWithLogitsLoss(pos_weight={a})({b}, y)",
    "nn.NLLLoss()({a}, {b})",
    "F.kl_div({a}, {b}, reduction='batchmean')",
    "nn.MSELoss(reduce={a})({b}, y)",
    "F.mse_loss({a}, {b})",
    "{a}.backward({b})",
    "torch.autograd.backward({a}, {b})",
    "F.softmax({a})",
    "nn.Softmax()({a})",
    "F.ctc_loss({a}, {b}, il, tl)",
]
STMTS = [
    "loss = {call}",
    "total_loss += {call}",
    "losses.append({call})",
    "{call}",
    "loss, aux = {call}, {e}",
    "x, *rest = {e}",
    "self.loss = {call}",
    "del {name}",
    "global {name}",
    "return {call}",
    "yield {call}",
    "assert {e}, {call}",
    "raise ValueError({e})",
    "optimizer.step()",
    "optimizer.zero_grad()",
    "scaler.scale({e}).backward()",
    "scaler.step(optimizer)",
    "{name}: torch.Tensor = {e}",
    "{name} = lambda *a, **k: {call}",
    "print(f'{{{e}}}')",
]
BLOCKS = [
    "for {name} in {e}:\n{body}",
    "while {e}:\n{body}",
    "with torch.no_grad():\n{body}",
    "if {e}:\n{body}\nelse:\n{body2}",
    "try:\n{body}\nexcept Exception:\n{body2}\nfinally:\n{body2}",
    "def {name}(self, x, *args, y=None, **kwargs):\n{body}",
    "async def {name}(x):\n{body}",
    "class {cls}(nn.Module):\n    def forward(self, x):\n{body2}\n    def training_step(self, batch, i):\n{body2}",
    "match {e}:\n    case [a, *b]:\n{body2}\n    case {{'k': v}}:\n{body2}\n    case _:\n        pass",
    "{name} = [{call} for x, y in loader]",
    "@torch.no_grad()\ndef {name}(x):\n{body}",
]
NAMES = ["loss", "x", "y", "model", "criterion", "optimizer", "losses", "total_loss", "F", "nn", "torch"]


def _indent(text: str, n: int) -> str:
    return "\n".join(" " * n + line for line in text.splitlines())


@st.composite
def training_code(draw: st.DrawFn, depth: int = 0) -> str:
    def expr() -> str:
        return draw(st.sampled_from(EXPRS))

    def call() -> str:
        return draw(st.sampled_from(CALLS)).format(a=expr(), b=expr())

    def stmt() -> str:
        return draw(st.sampled_from(STMTS)).format(call=call(), e=expr(), name=draw(st.sampled_from(NAMES)))

    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 3 and draw(st.booleans()):
            body = draw(training_code(depth + 1))
            body2 = draw(training_code(depth + 1))
            parts.append(
                draw(st.sampled_from(BLOCKS)).format(
                    name=draw(st.sampled_from(NAMES)),
                    cls=draw(st.sampled_from(["Net", "Model", "LitModel"])),
                    e=expr(),
                    call=call(),
                    body=_indent(body, 4),
                    body2=_indent(body2, 8),
                )
            )
        else:
            parts.append(stmt())
    return "\n".join(parts)


@settings(FUZZ, max_examples=EXAMPLES * 12 // 5)  # 60 in the whole suite
@given(training_code())
def test_training_code_in_odd_syntax_never_crashes(code: str) -> None:
    source = PRELUDE + code + "\n" + EPILOGUE
    # Generated pieces may be invalid where they land (return at module level, await
    # outside async, ...); the checker is promised valid Python only.
    assume(_is_valid(source))
    assert_checks_cleanly(source)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("", id="empty"),
        pytest.param("\n\n# only a comment about loss.backward()\n", id="comment-only"),
        pytest.param("\ufeffimport torch\nloss = torch.nn.MSELoss()(x, y)\nloss.backward()\n", id="bom"),
        pytest.param(PRELUDE + "x = (" * 150 + "1" + ")" * 150 + "\n" + EPILOGUE, id="deeply-nested-parens"),
        pytest.param(PRELUDE + "def f(x):\n" + "".join(f"    x{i} = criterion(x, x)\n" for i in range(300)) + EPILOGUE, id="long-function"),
    ],
)
def test_edge_files_never_crash(source: str) -> None:
    assert_checks_cleanly(source)


# The reproducers of issue 10's fuzz run (205 hostile inputs, 8,000 fuzzed modules): each one
# crashed the process, raised, or lost the file's findings before.
HOSTILE = {
    "lone-cr-before-findings": "# comment\r" * 5 + "\n" + PRELUDE + EPILOGUE.replace("    loss.backward()", "    total += loss\n    loss.backward()"),
    "form-feed-in-comment": "# section\x0c one\n" + PRELUDE + EPILOGUE,
    "u2028-in-comment": "# a \u2028 b\n" + PRELUDE + EPILOGUE,
    "crlf": (PRELUDE + EPILOGUE).replace("\n", "\r\n"),
    "deep-attribute-chain": PRELUDE + "y = a" + ".b" * 3000 + "\n" + EPILOGUE,
}


@pytest.mark.parametrize("source", list(HOSTILE.values()), ids=list(HOSTILE))
def test_issue10_reproducers_keep_their_findings(source: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hostile.py"
        path.write_bytes(source.encode("utf-8"))
        result = check_files([path], display=lambda p: p.name)
    assert result.errors == []
    assert [f.code for f in result.findings] in (["LG001"], ["LG001", "LG006"]), result.findings
    assert ("total += loss" in source) == ("LG006" in [f.code for f in result.findings])


def test_deep_bracket_nest_is_an_error_not_a_crash() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deep.py"
        path.write_text("loss.backward()\nx = " + "(" * 2000 + "1" + ")" * 2000 + "\n")
        result = check_files([path], display=lambda p: p.name)
    assert [(e.path, e.reason.split(":")[0]) for e in result.errors] == [
        ("deep.py", "syntax error at line 2, column 205")
    ]  # too many nested parentheses
