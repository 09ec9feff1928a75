"""A store from outside into an attribute of an object of the checked code that cannot change what its methods compute
(round 36).

``agent.alpha = agent.log_alpha.exp()`` in alirezakazemipour/Discrete-SAC-PyTorch's resume branch stores into an
attribute the agent's ``train`` stores too. A store into an attribute that the class's methods read makes the object
unknown (``statements._forget_modified_model``: a replaced layer changes what ``forward`` returns, and the analyses
already made of its methods are kept by the object's identity, not by its attributes), so the agent, its networks and
its optimizers were lost for the whole training loop.

The object is kept where the attribute is one construction bound (``Instance.attrs``) and what its methods read there
is unknown already (an attribute other methods store too, ``classes.ClassesMixin._volatile``, or a value construction
could not follow), or where the value stored joins into what it held without changing it: the methods' analyses read
the same value whichever store ran last. An attribute construction did not bind (a method's name, a class attribute,
one set later by a setter) may be shadowed by the store: the object is forgotten as before.
"""

from __future__ import annotations

from lossguard.static.values import UNKNOWN, Instance, Value, join


def changes_nothing(owner: Instance, attr: str, value: Value) -> bool:
    """Whether storing ``value`` into ``owner.<attr>`` leaves what its methods read there as it was."""
    if attr not in owner.attrs:
        return False
    held = owner.attrs[attr]
    return held is UNKNOWN or join(held, value) == held
