"""A helper's caller at the top of a script (LG006): the module's statements, less the helper itself.

Round 37 (realcode_fix27, facebookresearch/EGG): a script's ``test_one_epoch`` sums the validation losses as tensors
outside ``no_grad`` and returns ``avg_vloss, avg_acc``; the script's ``if __name__ == "__main__":`` block unpacks the
call into names of the same spelling and only prints and compares them. The rule asks whether the caller
back-propagates or returns what the helper gives it, reading the caller's scope: for a script that scope is the
module, and the helper's own ``return avg_vloss, avg_acc`` inside it read as the caller returning its ``avg_vloss``.
The helper's body is another scope; leaving it out is what Python does. Other functions of the module stay in (one
may read a global of that name). AST facts only.
"""

from __future__ import annotations

import ast


def without_helper(scope: ast.AST, helper: ast.AST | None) -> ast.AST:
    """``scope``, or, when it is a module whose top level defines ``helper``, a module of the same
    statements less that definition (a new node over the same statements: source positions hold)."""
    if not isinstance(scope, ast.Module) or helper is None or not any(stmt is helper for stmt in scope.body):
        return scope
    return ast.Module(body=[stmt for stmt in scope.body if stmt is not helper], type_ignores=[])
