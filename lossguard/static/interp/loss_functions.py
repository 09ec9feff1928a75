"""A torch loss function named without a call (``F.binary_cross_entropy``), kept as a criterion a setting picks.

Round 27 (knoxAI's ``get_criterion(task)``) let an ``if`` statement choose between such functions as it chooses between
loss modules (:mod:`interp.loss_choices`). Round 34 (opendataval/opendataval before 9123a6b): the same choice written
as a conditional expression, ``criterion = F.binary_cross_entropy if self.num_classes == 2 else F.cross_entropy``,
joined the two functions into nothing known, while a conditional expression between loss modules was kept as a choice
(:meth:`interp.guards.GuardsMixin.guarded_choice`); now the functions are kept the same way.
"""

from __future__ import annotations

from lossguard.static import torch_api as api
from lossguard.static.values import QualName, Value


def loss_function(value: Value | None) -> bool:
    """``value`` is a torch loss function named without a call (``F.cross_entropy``)."""
    return isinstance(value, QualName) and value.name in api.LOSS_FUNCTIONS
