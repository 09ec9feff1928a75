"""An attribute of one of several models, read where only some of them can have it.

Round 21 (realcode_heldout13 opened, the GAN book's InfoGAN): a trainer builds one of two
discriminators by a setting and keeps each one's criteria on the discriminator itself::

    if self.name == "cgan":
        self.netD = CondD(...)       # has self.loss = nn.BCELoss()
    elif self.name == "infogan":
        self.netD = InfoD(...)       # has self.class_loss = nn.CrossEntropyLoss(), ends in softmax

    _, class_probs, style = self.netD(x_fake)                 # only InfoD's forward takes one image
    info_loss = self.netD.class_loss(class_probs, classes)    # only InfoD has class_loss

Read on the choice, ``self.netD.class_loss`` was the join of every model's attribute, and a model
without it gave "unknown". On the path where that model is the one chosen, the read raises
``AttributeError``: the code that reads it was written for the others. As a call of a choice
leaves out the models whose ``forward`` cannot take its arguments (:func:`.calls.fitting_options`),
an attribute read leaves out the models of the checked code that certainly lack the attribute:
every class of its hierarchy is checked code or ``nn.Module`` itself; none defines the name in its
body (a method, a class attribute, any statement), defines ``__getattr__`` / ``__getattribute__``,
names it in any method (``self.<name>``, or a string, as in ``setattr(self, "<name>", ...)``) or
stores attributes by computed names (``setattr`` of a name that is not a literal, ``__dict__``);
nothing stored it on the instance after construction; and it is not one of ``nn.Module``'s own
attributes. Where every model lacks it, all of them are kept, as before.
"""

from __future__ import annotations

import ast

from lossguard.static import torch_api as api
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import FUNCTION_DEFS, MODULE_BASES
from lossguard.static.values import ClassRef, Instance, QualName, Value

_DYNAMIC = ("__getattr__", "__getattribute__")


def _defines(body: list[ast.stmt], name: str) -> bool:
    """A statement of a class body that binds ``name`` (a method, a nested class, an assignment)."""
    for stmt in body:
        if isinstance(stmt, (*FUNCTION_DEFS, ast.ClassDef)) and stmt.name in (name, *_DYNAMIC):
            return True
        if not isinstance(stmt, (*FUNCTION_DEFS, ast.ClassDef, ast.Expr, ast.Pass)):
            if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(stmt)):
                return True
            if not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                return True  # class-level control flow, imports: not followed
    return False


def _dynamic_stores(cls: ast.ClassDef) -> bool:
    """The class stores attributes by computed names (``setattr(self, f"head{i}", ...)``, ``__dict__``)."""
    for n in ast.walk(cls):
        if isinstance(n, ast.Attribute) and n.attr == "__dict__":
            return True
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "setattr":
            if len(n.args) < 2 or not isinstance(n.args[1], ast.Constant):
                return True
    return False


def lacks(interp: InterpBase, option: Value, name: str) -> bool:
    """``option`` is a model of the checked code that cannot hold attribute ``name``."""
    if not isinstance(option, Instance) or name in option.attrs or name.startswith("__") or name in api.MODULE_ATTRIBUTES:
        return False
    if interp.late_attribute(option, name) is not None:
        return False
    for base in interp._bases(option.cls):
        if isinstance(base, ClassRef):
            if _defines(base.node.body, name) or _dynamic_stores(base.node):
                return False
            for stmt in base.node.body:
                if isinstance(stmt, FUNCTION_DEFS) and name in base.module.facts.self_names(stmt):
                    return False
        elif not (isinstance(base, QualName) and base.name in MODULE_BASES):
            return False  # a base class whose code is not read, or `object` spelt otherwise
    return True


def options_having(interp: InterpBase, options: tuple[Value, ...], name: str) -> tuple[Value, ...]:
    """The options of a choice that may hold attribute ``name``; all of them when none may."""
    kept = tuple(o for o in options if not lacks(interp, o, name))
    return kept or options
