"""part of positive project [LG013]: the loss handler applies whatever criterion the task gives it to the main head's output and the ground truth, and again to every auxiliary head."""
# Source: IBM/terratorch@bfe5e5859d749044e83e2d38155bcc79bb27cd1a terratorch/tasks/loss_handler.py (the parent of 37bc5805 "The classification ground truth should be `int`, shouldn't it?", pull request #644 for issue #632 "ClassificationTask fails during training"; re-typed, identifiers renamed, docstrings left out)
from collections.abc import Callable

from torch import Tensor

from terratorch.models.model import ModelOutput


class LossHelper:

    def __init__(self, loss_prefix: str) -> None:
        self.loss_prefix = loss_prefix

    def compute_loss(self, model_output: ModelOutput, ground_truth: Tensor, criterion: Callable,
                     aux_loss_weights: dict[str, float] | None) -> dict[str, Tensor]:
        loss = self._compute_loss(model_output.output, ground_truth, criterion)
        if not model_output.auxiliary_heads:
            return {"loss": loss}
        if aux_loss_weights is None:
            raise Exception("Auxiliary heads given with no aux_loss_weights")
        all_losses = {"decode_head": loss}
        total = loss.clone()
        if set(aux_loss_weights.keys()) != set(model_output.auxiliary_heads.keys()):
            raise Exception("Found difference in declared auxiliary losses and model outputs.")
        for name, weight in aux_loss_weights.items():
            value: Tensor = self._compute_loss(model_output.auxiliary_heads[name], ground_truth, criterion)
            all_losses[name] = value
            total = total + value * weight
        all_losses["loss"] = total
        return all_losses

    def _compute_loss(self, y_hat: Tensor, ground_truth: Tensor, criterion: Callable):
        loss: Tensor = criterion(y_hat, ground_truth)  # expect: LG013
        return loss

    def log_loss(self, log_function: Callable, loss_dict: dict[str, Tensor] | None = None,
                 batch_size: int | None = None) -> None:
        all_losses = dict(loss_dict)
        full = all_losses.pop("loss")
        log_function(f"{self.loss_prefix}loss", full, sync_dist=True, batch_size=batch_size)
        for name, value in all_losses.items():
            log_function(f"{self.loss_prefix}{name}", value, on_epoch=True, on_step=True, sync_dist=True,
                         batch_size=batch_size)
