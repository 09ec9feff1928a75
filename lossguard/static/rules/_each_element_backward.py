"""A list whose every element a later loop back-propagates (LG006).

Round 33 (survey24, bytedance/ibot's ``analysis/linear_part/eval.py``): the batch loop starts ``losses = []``,
a loop over the linear classifiers appends one loss per classifier (``losses.append(loss)``), and a second
loop, ``for optimizer, loss in zip(optimizers, losses)``, calls ``loss.backward()`` and ``optimizer.step()``
for each. The list holds the graphs its backward calls need, as ``torch.stack(losses).mean().backward()``
does (gradient accumulation, silent): the first loop neither back-propagates nor steps, so it was judged as a
loop that runs outside no_grad, and the element bound by ``zip`` was no name the rule read as computed from
the list.

Here a list counts as back-propagated when a ``for`` loop of the same function walks it whole, as its
iterable (``for loss in losses``), ``enumerate(losses)`` (the second name of the target) or ``zip(...,
losses, ...)`` (the name at the list's position of a target of as many names), and its body calls
``backward()`` on that name (``loss.backward()``, ``scaler.scale(loss).backward()``,
``torch.autograd.backward(loss)``). A slice or one element (``losses[-1]``), another list, or a loop that only
reads the name (``print(loss)``, ``loss.item()``) does not count. Text and AST facts only."""

from __future__ import annotations

import ast

from lossguard.static.rules._loss_reach import backpropagated

_LOOPS = (ast.For, ast.AsyncFor)


def _element_name(loop: ast.For | ast.AsyncFor, container: str) -> str | None:
    """The name ``loop`` binds to each element of the list named ``container``, if it walks it whole."""
    it, target = loop.iter, loop.target
    if isinstance(it, ast.Name):
        return target.id if it.id == container and isinstance(target, ast.Name) else None
    if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and not it.keywords):
        return None
    names = [a.id if isinstance(a, ast.Name) else None for a in it.args]
    if not isinstance(target, ast.Tuple) or names.count(container) != 1:
        return None
    if it.func.id == "enumerate" and len(names) == 1 and len(target.elts) == 2:
        element = target.elts[1]
    elif it.func.id == "zip" and len(target.elts) == len(names):
        element = target.elts[names.index(container)]
    else:
        return None
    return element.id if isinstance(element, ast.Name) else None


def _backpropagated(call: ast.Call, name: str) -> bool:
    """``call`` back-propagates the name ``name`` (read by lossguard.static.rules._loss_reach.backpropagated:
    ``name.backward()``, ``scaler.scale(name).backward()``, ``torch.autograd.backward(name)``, ...)."""
    loss = backpropagated(call)
    return isinstance(loss, ast.Name) and loss.id == name


def each_element_backpropagated(scope: ast.AST, container: str) -> bool:
    """A ``for`` loop in ``scope`` walks the list ``container`` whole and back-propagates each element."""
    for loop in ast.walk(scope):
        if not isinstance(loop, _LOOPS):
            continue
        name = _element_name(loop, container)
        if name is None:
            continue
        if any(isinstance(n, ast.Call) and _backpropagated(n, name) for stmt in loop.body for n in ast.walk(stmt)):
            return True
    return False
