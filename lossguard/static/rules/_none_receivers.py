"""An optimizer read as ``None``: the default of a parameter of a function analysed alone.

``def train(model, loader, loss_fn, optimizer=None, loss_optimizer=None)`` analysed on its own binds each parameter
with a default to that default, so ``optimizer.zero_grad()`` and ``optimizer.step()`` are calls on ``None``. A method
called on ``None`` raises, so every run that reaches such a call was given an object. LG017 reads the receiver as an
unknown one (an optimizer where its name says so), as a parameter without a default is: its finding needs only the
backward, the clear and the step on one name in one statement list (round 34, xxcheng0708/pytorch-metric-learning-
template's ``train``). LG014 keeps reading ``None``: the same defaults decide its branches (d2l's ``train_ch3`` clears by
hand under ``if params is not None``), and a run with the optimizer given need not keep the other defaults."""

from __future__ import annotations

from lossguard.static.values import UNKNOWN, Const, Value


def called_on(receiver: Value) -> Value:
    """The object a method call runs on: unknown for ``None``, which no run calls a method of; ``receiver`` otherwise."""
    return UNKNOWN if isinstance(receiver, Const) and receiver.value is None else receiver
