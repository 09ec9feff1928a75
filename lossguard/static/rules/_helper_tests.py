"""A test written as a call of a method of the loop's own class that returns it (LG017's counter tests).

Round 36 (fixhist25's left case, Nerogar/OneTrainer's fine-tuning trainer): the update runs under
``if self.__is_update_step(train_progress):``, whose body is ``return train_progress.step %
self.config.gradient_accumulation_steps == 0``; the loop advances ``train_progress`` every iteration. Read where the
test was written, there is no remainder in sight, so a clear at every iteration beside a step every k-th one
(rules/_every_iteration_clears.py) was not read as one. A call ``self.<method>(<args>)`` of a method defined in the
class whose method holds the loop, whose body (after a docstring) is one ``return <expr>``, stands for ``<expr>``
with each parameter replaced by the argument the call passes (or the parameter's default). Anything else (star
arguments, a method of another class, a body with more statements) stands for nothing.
"""

from __future__ import annotations

import ast
import copy

from lossguard.static.scope_nodes import FUNCTION_DEFS


def _class_of(loop: ast.AST, tree: ast.AST) -> ast.ClassDef | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for method in node.body:
                if isinstance(method, FUNCTION_DEFS) and any(n is loop for n in ast.walk(method)):
                    return node
    return None


class _Substitute(ast.NodeTransformer):
    def __init__(self, args: dict[str, ast.expr]) -> None:
        self.args = args

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return copy.deepcopy(self.args[node.id]) if node.id in self.args and isinstance(node.ctx, ast.Load) else node


def returned_test(test: ast.expr, loop: ast.AST, tree: ast.AST | None) -> ast.expr | None:
    """What ``test``, a call ``self.<method>(...)`` of a method of the class holding ``loop``, returns, written with the
    call's arguments (see the module); None when it is not such a call."""
    if tree is None or not isinstance(test, ast.Call) or not isinstance(test.func, ast.Attribute):
        return None
    if not (isinstance(test.func.value, ast.Name) and test.func.value.id == "self"):
        return None
    if any(isinstance(a, ast.Starred) for a in test.args) or any(k.arg is None for k in test.keywords):
        return None
    cls = _class_of(loop, tree)
    method = next((m for m in cls.body if isinstance(m, FUNCTION_DEFS) and m.name == test.func.attr), None) if cls else None
    if method is None or method.decorator_list or method.args.vararg or method.args.kwarg or method.args.posonlyargs or method.args.kwonlyargs:
        return None
    body = method.body[1:] if method.body and isinstance(method.body[0], ast.Expr) and isinstance(method.body[0].value, ast.Constant) else method.body
    if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
        return None
    params = [a.arg for a in method.args.args[1:]]
    if len(test.args) > len(params):
        return None
    given: dict[str, ast.expr] = dict(zip(params, test.args))
    given.update({k.arg: k.value for k in test.keywords if k.arg is not None})
    defaults = dict(zip(params[len(params) - len(method.args.defaults) :], method.args.defaults))
    for name in params:
        if name not in given:
            if name not in defaults:
                return None
            given[name] = defaults[name]
    returned: ast.expr = _Substitute(given).visit(copy.deepcopy(body[0].value))
    return returned
