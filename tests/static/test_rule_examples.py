"""Every VALID and INVALID example embedded in every rule produces exactly its marked findings."""

from __future__ import annotations

import pytest

from lossguard.static.rule import all_rules
from lossguard.static.testing import check_example

CASES = [
    pytest.param(rule, kind, i, code, id=f"{rule.code}-{kind}-{i}")
    for rule in all_rules().values()
    for kind, examples in (("valid", rule.VALID), ("invalid", rule.INVALID))
    for i, code in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "kind", "index", "code"), CASES)
def test_example(rule, kind, index, code, tmp_path):
    expected, actual = check_example(code, tmp_path)
    if kind == "valid":
        assert not expected, "VALID examples must not carry expect markers"
    else:
        assert any(c == rule.code for _, c in expected), f"INVALID example of {rule.code} marks no {rule.code}"
    assert actual == expected


def test_every_static_code_has_a_rule_with_examples():
    from lossguard import catalog

    rules = all_rules()
    static_codes = {c for c, p in catalog.PROBLEMS.items() if p.kind == "static"}
    assert set(rules) == static_codes
    for rule in rules.values():
        assert len(rule.VALID) >= 1 and len(rule.INVALID) >= 1, rule.code
