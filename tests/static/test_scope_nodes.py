"""The nodes of a scope's own code (lossguard.static.scope_nodes), shared by LG010, LG017 and LG018's loss tracer."""

import ast

from lossguard.static.scope_nodes import scope_nodes

_CODE = """
def train(model, loader):
    def closure():
        inner = model(x)
        return inner

    helper = lambda v: v * 2
    for x in loader:
        loss = model(x).sum()
        loss.backward()

    class Local:
        attr = 1
"""


def _assigned(nodes: list[ast.AST]) -> set[str]:
    return {t.id for n in nodes if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}


def test_a_scope_reads_its_own_statements_not_those_of_what_it_defines() -> None:
    fn = ast.parse(_CODE).body[0]
    nodes = scope_nodes(fn)
    # `inner` is bound in the nested function and `attr` in the class: neither is the function's own code, even where
    # the definition stands directly in its body (LG018's tracer once followed a closure's assignments)
    assert _assigned(nodes) == {"helper", "loss"}
    assert not any(isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda)) for n in nodes)
    assert fn not in nodes


def test_a_statement_that_defines_a_function_is_read_with_its_body() -> None:
    # LG017 reads each statement between a backward() and a step() as [stmt, *scope_nodes(stmt)]: a function defined
    # there is read whole (its calls may run there)
    stmt = ast.parse(_CODE).body[0].body[0]
    assert _assigned([stmt, *scope_nodes(stmt)]) == {"inner"}
