"""A class of the checked code built with a ``**mapping`` of keyword arguments.

Round 21 (realcode_heldout13 opened, awesome-modular-pytorch-lightning): configuration-driven code
builds its parts from a dictionary read from a file::

    self.classifier = ClassificationHead(in_features=cfg["out_features"], **head_cfg["cfg"])

and the head's ``__init__`` adds ``nn.Softmax(dim=1)`` only ``if not return_logits``. A call with a
starred argument used to build an instance without running ``__init__`` (its layers unknown). With
``**mapping`` only (no ``*sequence``), the positional arguments and the keywords written at the call
are where they are; any other parameter may come from the mapping or keep its default, so it is
unknown, and ``__init__`` runs with it so (every branch that reads it is taken, as for a parameter
nobody passed). Not where ``__init__`` takes ``**kwargs`` itself: what the mapping adds there (and
what ``kwargs.get(...)`` reads back) is not known.

A function called with ``**kwargs`` is run the same way (torchvision-style model factories forward
their own keywords: ``def vgg11_bn(pretrained=False, **kwargs): return _vgg("vgg11_bn", "A", True,
pretrained, **kwargs)``, and ``_vgg`` builds ``VGG(make_layers(...), **kwargs)``; the call returned
nothing known, and the model it builds was lost). There the callee's own ``**kwargs`` is allowed:
it receives whatever the mapping adds, unknown, as for any call.
"""

from __future__ import annotations

import ast

from lossguard.static.values import UNKNOWN, Value


def mapping_only(node: ast.Call) -> bool:
    """The call's only starred argument is ``**mapping`` (one or more), no ``*sequence``."""
    return not any(isinstance(a, ast.Starred) for a in node.args) and any(k.arg is None for k in node.keywords)


def filled_keywords(
    init: ast.FunctionDef | ast.AsyncFunctionDef, n_pos: int, kw: dict[str, Value], *, method: bool = True, open_kwargs: bool = False
) -> dict[str, Value] | None:
    """The keywords to run ``init`` (a method's, without ``self``, or with ``method=False`` a
    function's) with: those written at the call, and every other parameter the mapping may give,
    unknown. None where it takes ``*args``, or ``**kwargs`` unless ``open_kwargs`` (a function
    forwarding its own keywords, below), or where the written arguments do not bind."""
    params = init.args
    if params.vararg is not None or (params.kwarg is not None and not open_kwargs):
        return None
    positional = [p.arg for p in (*params.posonlyargs, *params.args)][1 if method else 0 :]  # without self
    if n_pos > len(positional):
        return None
    given = set(positional[:n_pos])
    names = [p for p in positional[n_pos:] if p not in {a.arg for a in params.posonlyargs}] + [p.arg for p in params.kwonlyargs]
    if given & set(kw) or not set(kw) <= set(names):
        return None
    return {**{name: UNKNOWN for name in names}, **kw}
