"""look-alike [LG006]: the learning-rate range test clears the gradients, back-propagates each of accumulation_steps micro-batches and adds its loss to total_loss, then steps once after the loop; the sum starts afresh on every call, so it holds one step's micro-batches, not every step's graph."""
# Source: kingyiusuen/image-to-latex@f65e93f571 image_to_latex/utils/lr_finder.py (re-typed: _train_batch of the torch_lr_finder subclass; suggest_lr cut; names kept). The same repository's trainer is lg014_image_to_latex_base_trainer_never_clears_gradients.py.
import torch
from torch_lr_finder import LRFinder

from image_to_latex.models import ResnetTransformer
from image_to_latex.utils.misc import find_first


class LRFinder_(LRFinder):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

    def _train_batch(self, train_iter, accumulation_steps, non_blocking_transfer=True):
        self.model.train()
        total_loss = None  # for late initialization
        self.optimizer.zero_grad()
        for _ in range(accumulation_steps):
            imgs, targets = next(train_iter)
            imgs, targets = self._move_to_device(imgs, targets, non_blocking=non_blocking_transfer)
            if isinstance(self.model, ResnetTransformer):
                outputs = self.model(imgs, targets[:, :-1])
                loss = self.criterion(outputs, targets[:, 1:])
            else:
                logprobs = self.model(imgs)  # (B, num_classes, S)
                B, _, S = logprobs.shape
                logprobs_for_loss = logprobs.permute(2, 0, 1)  # (S, B, num_classes)
                input_lengths = torch.ones(B).type_as(logprobs_for_loss).int() * S
                target_lengths = find_first(targets, element=self.model.pad_index)
                target_lengths = target_lengths.type_as(targets)
                loss = self.criterion(logprobs_for_loss, targets, input_lengths, target_lengths)
            # Loss should be averaged in each step
            loss /= accumulation_steps
            loss.backward()
            if total_loss is None:
                total_loss = loss
            else:
                total_loss += loss
        self.optimizer.step()
        return total_loss.item()
