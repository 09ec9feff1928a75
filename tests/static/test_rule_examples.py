"""Every VALID and INVALID example embedded in every rule produces exactly its expected findings
(position, message and fix included for the Fixit form), each rule's first INVALID example is its
catalog example, and the fixes' safety is what the catalog says."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard import catalog
from lossguard.static.examples import Invalid, Valid, code_of
from lossguard.static.rule import all_rules
from lossguard.static.testing import fix_applicabilities, run_example, source_of

RULES = all_rules()

CASES = [
    pytest.param(rule, kind, example, id=f"{rule.code}-{kind}-{i}")
    for rule in RULES.values()
    for kind, examples in (("valid", rule.VALID), ("invalid", rule.INVALID))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "kind", "example"), CASES)
def test_example(rule, kind, example, tmp_path):
    problems = run_example(rule.code, example, kind == "valid", tmp_path)
    assert not problems, f"{rule.code} {kind} example:\n{source_of(code_of(example))}\n" + "\n".join(problems)


FIXED = [
    pytest.param(rule, example, id=f"{rule.code}-invalid-{i}")
    for rule in RULES.values()
    for i, example in enumerate(rule.INVALID)
    if isinstance(example, Invalid) and example.fixed is not None
]


@pytest.mark.parametrize(("rule", "example"), FIXED)
def test_fixed_code_no_longer_has_the_finding(rule, example, tmp_path):
    problems = run_example(rule.code, Valid(example.fixed), True, tmp_path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", sorted(RULES))
def test_first_invalid_example_is_the_catalog_example(code):
    first = RULES[code].INVALID[0]
    assert isinstance(first, Invalid), f"{code}: the first INVALID example must use the Invalid form (position, message, fix)"
    assert first.code == catalog.PROBLEMS[code].example


@pytest.mark.parametrize("code", sorted(RULES))
def test_catalog_use_instead_is_clean(code, tmp_path):
    """The page's "Use instead" code produces no finding at all."""
    problems = run_example(code, Valid(catalog.PROBLEMS[code].use_instead), True, tmp_path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", sorted(RULES))
def test_fix_safety_matches_the_catalog(code, tmp_path: Path):
    """Every fix the rule offers on its examples has the applicability the catalog documents."""
    rule = RULES[code]
    seen: set[str] = set()
    for example in rule.INVALID:
        seen |= fix_applicabilities(code, example, tmp_path)
    safety = catalog.PROBLEMS[code].fix_safety
    assert seen == (set() if safety == "none" else {safety}), f"{code}: the catalog says {safety!r}, the examples' fixes are {sorted(seen)}"


def test_every_static_code_has_a_rule_with_examples():
    assert set(RULES) == {p.code for p in catalog.of_kind("static")}
    for rule in RULES.values():
        assert len(rule.VALID) >= 1 and len(rule.INVALID) >= 1, rule.code


def test_the_example_runner_catches_a_wrong_position_message_or_fix(tmp_path):
    """The checks themselves fail on a wrong expectation (a test that cannot fail is a defect)."""
    no_fix = "import torch.nn.functional as F\n\nprobs = F.softmax(logits)\n"  # rank unknown: no fix
    assert run_example("LG011", Invalid(no_fix, line=3, col=9, message="dim"), False, tmp_path) == []
    with_fix = "import torch\nimport torch.nn.functional as F\n\nprobs = F.softmax(torch.randn(4, 10))\n"
    fixed = with_fix.replace("(4, 10))", "(4, 10), dim=1)")
    assert run_example("LG011", Invalid(with_fix, line=4, col=9, message="dim", fixed=fixed, fix_title="dim=1"), False, tmp_path) == []
    for wrong in (
        Invalid(no_fix, line=3, col=8, message="dim"),
        Invalid(no_fix, line=2, col=9, message="dim"),
        Invalid(no_fix, line=3, col=9, message="no such words"),
        Invalid(no_fix, line=3, col=9, message="dim", fixed=no_fix, fix_title="dim"),
        Invalid(with_fix, line=4, col=9, message="dim"),
        Invalid(with_fix, line=4, col=9, message="dim", fixed=with_fix, fix_title="dim=1"),
        Invalid(with_fix, line=4, col=9, message="dim", fixed=fixed, fix_title="no such title"),
    ):
        assert run_example("LG011", wrong, False, tmp_path), wrong
    assert run_example("LG011", Valid(no_fix), True, tmp_path)
    assert run_example("LG011", no_fix, False, tmp_path)  # old form without a marker


def test_invalid_form_is_validated():
    with pytest.raises(ValueError):
        Invalid("x = 1\n", line=0, col=1, message="m")
    with pytest.raises(ValueError):
        Invalid("x = 1\n", line=1, col=1, message="m", fixed="x = 2\n")


def test_invalid_edit_gives_the_fixed_code():
    """``edit=(before, after)`` is the fixed code written as its one change."""
    code = "total = 0\nfor x in xs:\n    total += f(x)\n"
    example = Invalid(code, line=3, col=5, message="m", edit=("total += f(x)", "total += f(x).item()"), fix_title="t")
    assert example.fixed == "total = 0\nfor x in xs:\n    total += f(x).item()\n"
    with pytest.raises(ValueError, match="2 times"):
        Invalid(code, line=3, col=5, message="m", edit=("total", "sum"), fix_title="t")  # ambiguous: not once
    with pytest.raises(ValueError, match="0 times"):
        Invalid(code, line=3, col=5, message="m", edit=("absent", "x"), fix_title="t")
    with pytest.raises(ValueError, match="not both"):
        Invalid(code, line=3, col=5, message="m", fixed=code, edit=("f(x)", "g(x)"), fix_title="t")
