"""LG006's reading of what a caller does with a helper's returned sum (rules/_caller_use.py)."""

from __future__ import annotations

import ast

from lossguard.static.rules._caller_use import drops_result

CALLER = """
def show(total, count):
    print(count)
    return total


def averages(running, n):
    return {k: running[k].detach().item() / n for k in running.keys()}


def train(extra):
    running = add(running, terms)
    report = CALL
    print(report)
"""


def _drops(call_text: str) -> bool:
    tree = ast.parse(CALLER.replace("CALL", call_text))
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    helper = ast.FunctionDef(name="add", args=ast.arguments([], [], None, [], [], None, []), body=[], decorator_list=[])
    call = next(n for n in ast.walk(funcs["train"]) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "add")

    def resolve(func: ast.expr) -> ast.FunctionDef | None:
        if isinstance(func, ast.Name):
            return helper if func.id == "add" else funcs.get(func.id)
        return None

    return drops_result(funcs["train"], call, None, resolve, helper)


def test_a_sum_handed_to_a_function_that_only_reads_numbers_from_it_drops_the_graph():
    assert _drops("averages(running, 100)")


def test_a_sum_handed_to_an_unknown_function_or_past_a_starred_argument_may_be_differentiated():
    assert not _drops("evaluate(running, 100)")
    # past `*extra` the position of `running` in show's parameters is not known: `count`, which
    # only prints, if extra holds one item; `total`, which is returned, if it is empty
    assert _drops("show(0, running)")
    assert not _drops("show(*extra, running)")
