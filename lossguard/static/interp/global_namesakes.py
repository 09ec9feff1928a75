"""The module-level object a parameter is named after, in a function the snippet never calls.

Round 32 (code posted in issue threads and forum posts, branch threads22): a post copies the
quickstart's shape, the objects built at the top of the file and each step a function that takes
them under the same names, and leaves out the loop that calls the functions (it is in a later
block, or "the usual")::

    model = nn.Sequential(nn.Linear(784, 10), nn.Softmax(dim=1))
    loss_fn = nn.CrossEntropyLoss()

    def train(dataloader, model, loss_fn, optimizer):
        for X, y in dataloader:
            loss = loss_fn(model(X), y)

Read on its own, ``loss_fn`` is any callable; the post means the one object of that name it built.
A parameter holds the module-level value of its name when all of these hold:

* the function is defined at the module's top level (not a method, not nested) and the parameter
  has neither a default nor an annotation;
* the module binds the name exactly once outside every function and class body, by a plain
  assignment statement at its top level (``loss_fn = nn.CrossEntropyLoss()``), and no function
  declares it ``global``; the module has no star import;
* the value bound there is a torch loss or a model (a ``Sequential``, a torchvision model, an
  instance of an ``nn.Module`` class of the checked code).

A call that passes the parameter keeps what it passes: the rule only fills a parameter nobody
passed, which for a function with no default there is a function no call reaches. A name bound
twice (``model = A()`` then ``model = B()``, or a loop over models), inside an ``if``, or a value of
any other kind (a dataset, a number) leaves the parameter unknown, as before.
"""

from __future__ import annotations

import ast

from lossguard.static.interp.later_bindings import top_level_bindings
from lossguard.static.project import ModuleInfo


def namesake_assigned_once(module: ModuleInfo, fn: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """Whether a parameter ``name`` of ``fn`` stands for the module-level object of that name (module
    docstring): ``fn`` is a top-level function of the module, and the module binds ``name`` once, by a
    plain top-level assignment."""
    if module.star_imports or not module.binds_at_top(name) or fn not in module.module.body:
        return False
    bindings = top_level_bindings(module.module, name)
    if len(bindings) != 1:
        return False
    return any(isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and stmt.targets[0] is bindings[0] for stmt in module.module.body)
