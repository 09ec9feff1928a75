"""part of positive project [LG006]: one training epoch sums the heatmap and regression losses, steps, and then adds the loss to running_loss twice, once as loss.item() and once as the tensor itself ("# which one?"), so the float running sum becomes a tensor that keeps every batch's graph and is returned."""
# Source: MarcelloCeresini/FSOD_CenterNet at f9f61585 ("added train loop": the loop as first written; its descendants up to 9668aacf, the parent of the fix 8a057ab4, keep both additions behind a raise NotImplementedError("still havent decided which one to use"), and 8a057ab4 keeps only loss.item()), src/training/train_loop.py;
# re-typed, identifiers renamed; the commented-out tensorboard block dropped.
import torch as T

from .losses import heatmap_loss_batched, reg_loss_batched


def train_one_epoch(model, training_loader, optimizer):
    running_loss = 0.
    for i, (sample, transformed_landmarks, _) in enumerate(training_loader):
        loss = 0
        optimizer.zero_grad()
        n_detections = [len(l) for l in transformed_landmarks]
        input_image, labels = sample
        gt_reg, gt_heat_base, _ = labels
        pred_reg, pred_heat_base, _ = model(input_image)
        loss += T.mean(heatmap_loss_batched(pred_heat_base, gt_heat_base, n_detections), dim=0)
        loss += T.mean(reg_loss_batched(pred_reg, gt_reg, n_detections), dim=0)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        running_loss += loss  # expect: LG006
    return running_loss
