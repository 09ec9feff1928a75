"""Escaping rules of GitHub workflow commands (the runner's own rules, see actions/toolkit)."""

from __future__ import annotations

from lossguard.static.finding import Finding
from lossguard.static.report.github import escape_data, escape_property, to_github


def test_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert escape_data("a,b:c") == "a,b:c"  # the message keeps ',' and ':'


def test_severity_and_cell():
    f = Finding("nb.ipynb", 3, 5, 4, 2, "LG009", "kldiv-reduction-mean", "warning", "50% off\nsecond line", "fix", cell=2)
    line = to_github([f], [], {"nb.ipynb": "notebooks/nb.ipynb"})
    assert line == (
        "::warning file=notebooks/nb.ipynb,line=3,col=5,endLine=4,endColumn=2,title=LG009::nb.ipynb:cell 2:3:5: LG009 50%25 off%0Asecond line\n"
    )
