"""part of look-alike project [LG003, LG016]: after the fix, BinaryClassificationTrainer computes the loss on the raw outputs (target cast to float and viewed as the output) and applies torch.sigmoid only to count correct predictions; the trainer is used with nn.BCEWithLogitsLoss."""
# Source: frgfm/holocron at 9871899c ("fix: Fixed BinaryClassificationTrainer (#227)"),
# holocron/trainer/classification.py; re-typed, identifiers renamed; the multi-class ClassificationTrainer and
# plotting helpers cut.
from typing import Dict, Tuple, Union

import torch
from torch import Tensor

from .core import Trainer

__all__ = ["BinaryClassificationTrainer"]


class BinaryClassificationTrainer(Trainer):
    """Image binary classification trainer class"""

    def _get_loss(self, x: torch.Tensor, target: torch.Tensor, return_logits: bool = False) -> Union[Tensor, Tuple[Tensor, Tensor]]:
        # In case target are stored as long
        target = target.to(dtype=x.dtype)
        if self.amp:
            with torch.cuda.amp.autocast():
                out = self.model(x)
                loss = self.criterion(out, target.view_as(out))
                if return_logits:
                    return loss, out
                return loss
        out = self.model(x)
        loss = self.criterion(out, target.view_as(out))
        if return_logits:
            return loss, out
        return loss

    @torch.inference_mode()
    def evaluate(self) -> Dict[str, float]:
        self.model.eval()

        val_loss, top1, num_samples, num_valid_batches = 0.0, 0, 0, 0
        for x, target in self.val_loader:
            x, target = self.to_cuda(x, target)

            _loss, out = self._get_loss(x, target, return_logits=True)

            if not torch.isnan(_loss) and not torch.isinf(_loss):
                val_loss += _loss.item()
                num_valid_batches += 1

            top1 += int(torch.sum((target >= 0.5) == (torch.sigmoid(out) >= 0.5)).item())
            num_samples += x.shape[0]

        val_loss /= num_valid_batches
        return dict(val_loss=val_loss, acc=top1 / num_samples)

    @staticmethod
    def _eval_metrics_str(eval_metrics: Dict[str, float]) -> str:
        return f"Validation loss: {eval_metrics['val_loss']:.4} " f"(Acc: {eval_metrics['acc']:.2%})"
