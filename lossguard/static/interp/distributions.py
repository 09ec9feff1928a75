"""``torch.distributions.Categorical``: its ``probs`` are softmax probabilities, whatever it was built from.

Round 23 (realcode_heldout14 opened: a PPO goal-seeker). ``Categorical(logits=x)`` normalises its
logits with a softmax and ``Categorical(probs=p)`` normalises ``p`` to sum to one; either way
``dist.probs`` is a probability vector over the last axis (torch's documented behaviour). Passed to
``nn.CrossEntropyLoss`` it is LG001 as a softmax output is. Only ``probs`` is given a value:
``dist.logits`` (normalised log-probabilities) and the samples are left unknown.

Round 24 (realcode_heldout15 opened: DI-engine's PPG): ``dist.log_prob(actions)`` is the log of the
probability of each action, a log-probability whatever the distribution was built from; handed to
``F.kl_div`` as its target without ``log_target=True`` it is LG008 as a ``log_softmax`` is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import UNKNOWN, Act, Dtype, Site, Tensor, Value

_CATEGORICAL = ("torch.distributions.Categorical", "torch.distributions.categorical.Categorical")


@dataclass(frozen=True)
class CategoricalDist(Value):
    """A ``Categorical`` distribution: what its ``probs`` are, and where it was built."""

    probs: Tensor
    site: Site | None = None


def _categorical(interp: Any, c: TorchCallArgs) -> Value:
    given = c.pos[0] if c.pos else c.kw.get("probs", c.kw.get("logits", UNKNOWN))
    if c.starred or len(c.pos) > 1 or not set(c.kw) <= {"probs", "logits", "validate_args"}:
        return UNKNOWN
    shape = given.shape if isinstance(given, Tensor) else None
    graph = given.graph if isinstance(given, Tensor) else True
    site: Site = c.site("Categorical(...).probs")
    return CategoricalDist(Tensor(act=Act.PROBS, act_site=site, dtype=Dtype.FLOAT, shape=shape, graph=graph), c.site("Categorical(...).log_prob()"))


#: rows of the torch function table (interp.torch_calls)
DISTRIBUTION_ROWS = ((_CATEGORICAL, _categorical),)


def distribution_attribute(dist: CategoricalDist, name: str) -> Value:
    return dist.probs if name == "probs" else UNKNOWN


def distribution_method(dist: CategoricalDist, name: str) -> Value:
    """``dist.log_prob(actions)``: log-probabilities, one per action (their shape is the actions')."""
    if name != "log_prob" or dist.site is None:
        return UNKNOWN
    return Tensor(act=Act.LOG_PROBS, act_site=dist.site, dtype=Dtype.FLOAT, graph=dist.probs.graph)
