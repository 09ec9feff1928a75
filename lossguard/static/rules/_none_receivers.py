"""An optimizer read as ``None``: the default of a parameter of a function analysed alone.

``def train(model, loader, loss_fn, optimizer=None, loss_optimizer=None)`` analysed on its own binds each parameter
with a default to that default, so ``optimizer.zero_grad()`` and ``optimizer.step()`` are called on ``None``. A
method called on ``None`` raises, so every run that reaches such a call was given an object: the receiver is read as
an unknown one (an optimizer where its name says so), as a parameter without a default is (round 34,
xxcheng0708/pytorch-metric-learning-template's ``train``)."""

from __future__ import annotations

from lossguard.static.values import Const, Unknown


def unknown_receiver(receiver: object) -> bool:
    """Nothing known of the object a method is called on: unknown, or ``None``, which no run calls a method of."""
    return isinstance(receiver, Unknown) or (isinstance(receiver, Const) and receiver.value is None)
