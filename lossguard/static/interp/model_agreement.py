"""A ``model`` parameter called in a file whose several models all fit the call: what their outputs agree on.

Round 25 (realcode_heldout16 opened, adap/flower's FLANDERS baseline): ``test_digits(model, loader,
device)`` scores ``model(images)`` with ``nn.CrossEntropyLoss`` and nothing in the checked code calls it
(its caller is the server's evaluation, not in the unit). The module holds two networks, both ending in
``F.log_softmax(..., dim=1)``. A parameter called like a model was the file's model only when exactly
one top-level ``nn.Module`` of the file accepts the call (:meth:`TrainingMixin._the_model`); with
several, nothing was known.

With two to :data:`~lossguard.static.values.MAX_EITHER` fitting models (none of them the class whose
method makes the call, nor one that builds it), each is called, its events dropped, and the call
gives the join of their outputs: what every one of them agrees on (both end in log-softmax), never
what only one of them does, and no finding per model (the per-option reports of a choice the code
makes itself are not made here: the code never names these models at the call).
"""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame
from lossguard.static.values import MAX_EITHER, ClassRef, Either, Value


class ModelAgreementMixin(InterpBase):
    def agreed_output(self, models: list[ClassRef], node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame, env: Env) -> Value | None:
        """The join of what each of ``models``, built from its defaults, returns for this call;
        None where there are too few or too many of them, or one of them is or builds the caller's class."""
        if not 1 < len(models) <= MAX_EITHER or any(self.contains_class(m, frame.owner) for m in models):
            return None
        # called as a choice the code made without conditions: each with its events dropped, the outputs joined
        return self._apply_each(Either(tuple(self._default_instance(m) for m in models)), node, pos, kw, False, frame, env)
