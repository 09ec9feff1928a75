"""LG015 non-scalar-backward: backward() on an unreduced loss."""

from __future__ import annotations

from lossguard.static.events import Backward, StepReturn
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.rule import Rule
from lossguard.static.values import DictVal, Tensor, Value


def _backpropagated(value: Value) -> Tensor | None:
    """What Lightning back-propagates of a ``training_step``'s return: the tensor, or the dict's
    ``"loss"`` item."""
    if isinstance(value, DictVal):
        value = dict(value.items).get("loss", None)  # type: ignore[assignment]
    return value if isinstance(value, Tensor) else None


def _gives_gradient(call: Backward) -> bool:
    """``loss.backward(grad)`` / ``backward(gradient=...)`` (or ``*args`` / ``**kw`` that may carry
    it) backpropagates a non-scalar on purpose; ``retain_graph=`` / ``create_graph=`` / ``inputs=``
    alone do not, and torch raises "grad can be implicitly created only for scalar outputs"."""
    return call.has_args if call.gradient is None else call.gradient


# the opening of the message the examples expect
_PER_ELEMENT = "backward() on a per-element loss"


class NonScalarBackward(Rule):
    code = "LG015"

    def on_backward(self, call: Backward) -> None:
        value = call.receiver
        if _gives_gradient(call) or not isinstance(value, Tensor) or not value.unreduced:
            return
        self.report(
            call.node,
            call.ctx,
            "backward() on a per-element loss (reduction='none'): reduce it first, e.g. loss.mean().backward()",
        )

    def on_step_return(self, step: StepReturn) -> None:
        """Lightning calls backward() on what ``training_step`` returns (interp.step_returns)."""
        value = _backpropagated(step.value)
        if value is None or not value.unreduced:
            return
        if step.ctx.func is not None and step.ctx.func.name == "compute_loss":
            message = (
                "compute_loss returns a per-element loss (reduction='none'), and the Hugging Face Trainer's "
                "training_step calls backward() on it (it averages the loss first only when args.n_gpu > 1): "
                "reduce it first, e.g. return loss.mean()"
            )
        else:
            message = (
                "training_step returns a per-element loss (reduction='none'), and Lightning calls backward() on it: "
                "reduce it first, e.g. return loss.mean()"
            )
        self.report(step.node, step.ctx, message)

    VALID = (
        """
import torch.nn as nn

criterion = nn.CrossEntropyLoss(reduction="none")
per_sample = criterion(logits, y)
loss = (per_sample * weights).mean()
loss.backward()
""",
        """
import torch.nn as nn

criterion = nn.MSELoss(reduction="none")
per_element = criterion(pred, target)
per_element.backward(torch.ones_like(per_element), retain_graph=True)
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG015"),
            line=5,
            col=1,
            message=_PER_ELEMENT,
        ),
        Invalid(
            """
import torch.nn as nn

criterion = nn.BCEWithLogitsLoss(reduction="none")
loss = criterion(logits, targets)
loss.backward()
""",
            line=5,
            col=1,
            message=_PER_ELEMENT,
        ),
        Invalid(
            """
import torch.nn.functional as F

loss = F.mse_loss(pred, target, reduction="none") * mask
loss.backward()
""",
            line=4,
            col=1,
            message=_PER_ELEMENT,
        ),
        Invalid(
            """
import torch.nn as nn

criterion = nn.CrossEntropyLoss(reduction="none")
for i, out in enumerate(outputs):
    criterion(out, y).backward(retain_graph=i > 0)
""",
            line=5,
            col=5,
            message=_PER_ELEMENT,
        ),
    )
