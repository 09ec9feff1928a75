"""The code examples each rule carries (Fixit style): VALID code is silent, INVALID code is found.

A rule lists them in ``VALID`` and ``INVALID``; one generated test
(tests/static/test_rule_examples.py, through :mod:`lossguard.static.testing`) runs every one.

Two forms are accepted:

- a plain string: the expected findings are the lines marked ``# expect: LGxxx`` (old form,
  still accepted so that examples can be added in either form);
- :class:`Invalid`: the code, the position (line and column, 1-based, as reported), a fragment
  of the message, and for a rule with a fix the code after the fix and a fragment of the fix's
  title. The test checks all of them. Further findings in the same code (of any rule) are
  marked with ``# expect:`` comments. A fix that changes one place is better given as that
  change, ``edit=(before, after)``, than as a second copy of the whole code in ``fixed``.

A rule's first INVALID example is its catalog example (``catalog_example(code)``), so the code on
its documentation page is run by the tests; where the rule's fix turns it into the page's "Use
instead" code, ``fixed=catalog_use_instead(code)`` says so (LG009, LG010).
"""

from __future__ import annotations

from dataclasses import InitVar, dataclass


@dataclass(frozen=True)
class Valid:
    """Code on which the rule must stay silent (a look-alike of the misuse, usually)."""

    code: str


@dataclass(frozen=True)
class Invalid:
    """Code with one finding of the rule at ``line``:``col`` whose message contains ``message``.

    ``fixed`` is the whole code after applying the rule's fixes to it, and ``fix_title`` a
    fragment of the fix's title; both None when the rule offers no fix for this code (the test
    fails if a fix is offered anyway, or none is offered where ``fixed`` is given). ``severity``,
    when given, is the finding's severity (a rule may report a milder case below the catalog's)."""

    code: str
    line: int
    col: int
    message: str
    fixed: str | None = None
    fix_title: str | None = None
    severity: str | None = None  # when given, the finding's severity (default: not checked)
    # instead of ``fixed``: the one change the fix makes, (text before, text after); the text
    # before must stand exactly once in ``code``, and ``fixed`` becomes ``code`` with it changed
    edit: InitVar[tuple[str, str] | None] = None

    def __post_init__(self, edit: tuple[str, str] | None) -> None:
        if edit is not None:
            before, after = edit
            if self.fixed is not None:
                raise ValueError("Invalid: give fixed or edit, not both")
            if self.code.count(before) != 1:
                raise ValueError(f"Invalid: the edit's {before!r} stands {self.code.count(before)} times in the code, not once")
            object.__setattr__(self, "fixed", self.code.replace(before, after))
        if self.line < 1 or self.col < 1:
            raise ValueError("Invalid: line and col are 1-based")
        if not self.message.strip():
            raise ValueError("Invalid: give a fragment of the expected message")
        from lossguard.catalog import SEVERITIES

        if self.severity not in (None, *SEVERITIES):
            raise ValueError(f"Invalid: unknown severity {self.severity!r}")
        if (self.fixed is None) != (self.fix_title is None):
            raise ValueError("Invalid: give both fixed and fix_title, or neither")


Example = str | Valid | Invalid


def catalog_example(code: str) -> str:
    """The example on the catalog page of ``code``; a rule's first INVALID example runs it."""
    from lossguard import catalog

    return catalog.PROBLEMS[code].example


def catalog_use_instead(code: str) -> str:
    """The "Use instead" code on the catalog page of ``code``. A rule whose fix turns the page's
    example into exactly that code gives it as its first INVALID example's ``fixed``."""
    from lossguard import catalog

    return catalog.PROBLEMS[code].use_instead


def code_of(example: Example) -> str:
    return example if isinstance(example, str) else example.code
