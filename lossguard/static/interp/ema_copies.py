"""ema_pytorch's ``EMA``: an exponential moving average copy of a network, run without a graph.

Round 37 (realcode_fix27, lucidrains/ppo at ``HEAD``): the PPO trainers roll out with ``agent.ema_actor.forward_eval(
state)`` and ``agent.ema_critic.forward_eval(state)``, build a ``Categorical`` from the probabilities, and keep each
step's ``dist.log_prob(action)`` and value in a memory list that the agent learns from later. ``EMA.forward_eval``
runs the averaged copy under ``torch.no_grad()`` (ema_pytorch's own words: "invoking ema model with no grad + eval"),
and the copy's parameters do not require gradients: nothing it returns holds a graph, so the memories keep none.
The interpreter did not know the class: its output was unknown, and a distribution built from an unknown value is
taken to hold a graph (``interp.distributions``), so LG006 reported the memories.

``EMA(model, ...)`` is a known object (:data:`~lossguard.static.torch_api.EMA_WRAPPERS`); its ``forward_eval(...)``
gives a tensor that holds no graph, about which nothing else is known. Moving it (``.to(device)``) keeps it; any
other method, calling the object itself and its attributes (``ema.ema_model``) are unknown.
"""

from __future__ import annotations

from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import UNKNOWN, External, Tensor, Value

_KEEPS = {"to", "cuda", "cpu"}


def _ema(interp: Any, c: TorchCallArgs) -> Value:
    return External(c.qname)


def ema_method(receiver: External, name: str) -> Value:
    """``ema.forward_eval(x)``: a tensor without a graph; ``ema.to(device)``: the object; anything else unknown."""
    if name in _KEEPS:
        return receiver
    if name == "forward_eval":
        return Tensor(graph=False)
    return UNKNOWN


#: rows of the torch function table (interp.torch_calls)
EMA_ROWS = ((api.EMA_WRAPPERS, _ema),)
