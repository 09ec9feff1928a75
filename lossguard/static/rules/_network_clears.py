"""LG014's reading of a network's own ``zero_grad()``: it clears that network's parameters.

Round 36 (realcode_heldout26, Adversarial-Deep-Learning/code-soup's GAN before 25a7502d): each network builds its own
optimizer in its ``__init__`` (``self.optimizer = optim.Adam(self.parameters())``) and the GAN's ``step()`` calls
``self.generator.zero_grad()`` and ``self.discriminator.optimizer.step()``. A model's ``zero_grad`` used to be read as a
clearing call of unknown reach, so the rule said nothing. ``nn.Module.zero_grad`` clears the parameters of the module
and of every module it holds; an optimizer steps the parameters of the networks it was built over
(``Optimizer.networks``, interp.optimizer_networks: objects, not texts, so ``self`` inside the discriminator's class and
``self.discriminator`` in the GAN's ``step()`` are one network). A step is uncleared when its optimizer's every network
is known, none holds or is held by a network the loop clears (through ``zero_grad`` or through a cleared optimizer,
whose networks must be known too), and each has a layer of its own that no cleared network holds. Anything less sure
stays silent: an optimizer over a name or a list, a cleared model whose class (or a base of the checked code) defines a
``zero_grad`` of its own, a base class not read.
"""

from __future__ import annotations

import ast

from lossguard.static.scope_nodes import FUNCTION_DEFS
from lossguard.static.values import ClassRef, Either, Instance, Layer, ListOf, Optimizer, SequentialVal, TupleVal

# the depth to which the objects a network holds are followed (a model's blocks' layers)
_DEPTH = 6


def _torch_module_base(base: ast.expr) -> bool:
    return isinstance(base, (ast.Name, ast.Attribute)) and ast.unparse(base) in ("nn.Module", "torch.nn.Module", "Module")


def _own_zero_grad(cls: ClassRef, depth: int = 0) -> bool:
    """Whether ``cls`` or a base of it may define a ``zero_grad`` of its own: it or a base of the checked code does,
    or a base is neither ``nn.Module`` nor a class of the checked code."""
    if depth > _DEPTH or any(isinstance(s, FUNCTION_DEFS) and s.name == "zero_grad" for s in cls.node.body):
        return True
    for base in cls.node.bases:
        if _torch_module_base(base):
            continue
        found = cls.module.globals.get(base.id) if isinstance(base, ast.Name) else None
        if not isinstance(found, ClassRef) or _own_zero_grad(found, depth + 1):
            return True
    return False


def cleared_network(name: str, receiver: object) -> Instance | None:
    """The network whose parameters ``receiver.<name>()`` clears: ``net.zero_grad()`` on an instance of a class of
    the checked code that inherits ``nn.Module``'s ``zero_grad``; None for any other call."""
    if name != "zero_grad" or not isinstance(receiver, Instance) or _own_zero_grad(receiver.cls):
        return None
    return receiver


def _held(value: object, out: dict[int, object], depth: int = 0) -> None:
    """Every object ``value`` holds, through stored attributes, ``nn.Sequential`` layers and containers, by id."""
    if depth > _DEPTH:
        return
    parts: tuple[object, ...] = ()
    if isinstance(value, Instance):
        parts = tuple(value.attrs.values())
    elif isinstance(value, SequentialVal):
        parts = value.layers
    elif isinstance(value, TupleVal):
        parts = value.items
    elif isinstance(value, Either):
        parts = value.options
    elif isinstance(value, ListOf):
        parts = (value.item,)
    for part in parts:
        if isinstance(part, (Instance, Layer, SequentialVal, TupleVal, Either, ListOf)) and id(part) not in out:
            out[id(part)] = part
            _held(part, out, depth + 1)


def _holds(outer: object, inner: object) -> bool:
    found: dict[int, object] = {}
    _held(outer, found)
    return outer is inner or id(inner) in found


def _own_layer(network: Instance, cleared: list[Instance]) -> bool:
    """Whether ``network`` holds a layer (or a block of layers) that no cleared network holds."""
    mine: dict[int, object] = {}
    _held(network, mine)
    theirs: dict[int, object] = {}
    for net in cleared:
        theirs[id(net)] = net
        _held(net, theirs)
    return any(isinstance(part, (Layer, SequentialVal, Instance)) and key not in theirs for key, part in mine.items())


def steps_uncleared_network(stepped: object, cleared_networks: list[Instance], cleared_optimizers: list[object]) -> bool:
    """Whether the optimizer ``stepped`` steps parameters no clearing call of the loop reaches (see the module)."""
    if not isinstance(stepped, Optimizer) or not stepped.networks:
        return False
    covers: list[Instance] = list(cleared_networks)
    for optimizer in cleared_optimizers:
        if not isinstance(optimizer, Optimizer) or not optimizer.networks:
            return False  # a cleared optimizer over parameters not known: it may be this one's
        covers += [n for n in optimizer.networks if isinstance(n, Instance)]
    for network in stepped.networks:
        if not isinstance(network, Instance) or any(_holds(c, network) or _holds(network, c) for c in covers):
            return False
        if not _own_layer(network, covers):
            return False
    return True
