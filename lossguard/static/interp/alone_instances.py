"""The instance made to analyse a class alone is not the object the code builds with no arguments.

Round 33 (bonlime/pytorch-tools, the two LG004 left by round 32). A method no call reaches is analysed on
a default-built instance of its class (``instantiate(cls, [], {})``), and that instance decides none of
its settings (``settings._only_constructed``): the checked code never made it, so an ``if self.mode ==
...:`` there may go either way. Instances are cached by their arguments, so a construction with no
arguments in the checked code (``losses.CrossEntropyLoss()`` in a test) was that very instance, and its
calls were judged in every branch: the multi-class test's class indices reached the binary branch's
``binary_cross_entropy_with_logits`` (LG004), although the object's mode, left at its default, never
takes it. The default instance now has an identity of its own (its cache key carries :data:`ALONE`), so
an object the code builds with no arguments is a construction like any other: its settings are the
class's defaults, decided under the same conditions (construction alone set them, nothing stores them
elsewhere). Every reader of the default instance (a class analysed alone, a ``model`` parameter guessed
as the file's model, a post's unbuilt model) still gets one that decides nothing.
"""

from __future__ import annotations

from typing import Any

from lossguard.static.values import ClassRef, Instance, Value

#: the last item of the instance cache's key for the instance made to analyse a class alone
ALONE = "alone"


def default_instance(interp: Any, cls: ClassRef) -> Instance:
    """The instance of ``cls`` built from its defaults to analyse it alone: one per class, never the
    instance a construction of the checked code with the same (no) arguments gives. Asked for while the
    class's ``__init__`` runs (a test of ``self.<attr>`` in the constructor of an object being built), the
    constructor cannot run again (a call already in progress is not followed): the instance made then
    knows none of its attributes, so it is not kept, and a later request builds the whole one."""
    inst = interp._default_instances.get(id(cls.node))
    if inst is None:
        init = interp._find_method(cls, "__init__")
        building = init is not None and any(k[0] == id(init.node) for k in interp._in_progress)
        val = interp.instantiate(cls, [], {}, False, 1, alone=True)
        inst = val if isinstance(val, Instance) else Instance(cls, {})
        if building:
            interp._instances.pop(_alone_key(cls), None)
        else:
            interp._default_instances[id(cls.node)] = inst
    return inst


def built_bare(interp: Any, inst: Instance) -> bool:
    """``inst`` is the object a construction of the checked code with no arguments (``Loss()``) gives: its
    settings are the class's defaults, none written by the construction."""
    return interp._instances.get(instance_key(inst.cls, [], {}, False)) is inst


def instance_key(cls: ClassRef, pos: list[Value], kw: dict[str, Value], starred: bool, alone: bool = False) -> tuple:
    """The key of ``classes.instantiate``'s cache: one instance per class and argument values; the instance made
    to analyse the class alone apart (:data:`ALONE`)."""
    return (id(cls.node), tuple(pos), tuple(sorted(kw.items(), key=lambda kv: kv[0])), starred) + ((ALONE,) if alone else ())


def _alone_key(cls: ClassRef) -> tuple:
    return instance_key(cls, [], {}, False, alone=True)
