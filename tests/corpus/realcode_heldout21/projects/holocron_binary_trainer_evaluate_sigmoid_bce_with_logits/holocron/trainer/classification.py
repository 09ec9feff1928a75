"""part of positive project [LG003]: BinaryClassificationTrainer.evaluate applies torch.sigmoid to the model output and then calls self.criterion on it, in both the AMP and the plain branch; the trainer is used with nn.BCEWithLogitsLoss (tests, reference scripts), so validation scores sigmoid outputs with a loss that applies sigmoid again."""
# Source: frgfm/holocron at 49125c24 (the parent of 9871899c, "fix: Fixed BinaryClassificationTrainer (#227)"),
# holocron/trainer/classification.py; re-typed, identifiers renamed; the multi-class ClassificationTrainer and
# plotting helpers cut.
from typing import Dict

import torch

from .core import Trainer

__all__ = ["BinaryClassificationTrainer"]


class BinaryClassificationTrainer(Trainer):
    """Image binary classification trainer class"""

    @torch.inference_mode()
    def evaluate(self) -> Dict[str, float]:
        self.model.eval()

        val_loss, top1, num_samples, num_valid_batches = 0.0, 0, 0, 0
        for x, target in self.val_loader:
            x, target = self.to_cuda(x, target)

            if self.amp:
                with torch.cuda.amp.autocast():
                    out = self.model(x)
                    # Apply sigmoid
                    out = torch.sigmoid(out)
                    _loss = self.criterion(out, target)  # expect: LG003
            else:
                out = self.model(x)
                # Apply sigmoid
                out = torch.sigmoid(out)
                _loss = self.criterion(out, target)  # expect: LG003

            if not torch.isnan(_loss) and not torch.isinf(_loss):
                val_loss += _loss.item()
                num_valid_batches += 1

            top1 += int(torch.sum((target >= 0.5) == (out >= 0.5)).item())
            num_samples += x.shape[0]

        val_loss /= num_valid_batches
        return dict(val_loss=val_loss, acc=top1 / num_samples)

    @staticmethod
    def _eval_metrics_str(eval_metrics: Dict[str, float]) -> str:
        return f"Validation loss: {eval_metrics['val_loss']:.4} " f"(Acc: {eval_metrics['acc']:.2%})"
