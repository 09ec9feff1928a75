"""part of positive project [LG006]: the epoch driver calls train_one_epoch, validates under torch.no_grad with the same heatmap and size/offset losses, and prints the returned training value."""
# Source: MarcelloCeresini/FSOD_CenterNet at f9f61585 ("added train loop": the loop as first written; its descendants up to 9668aacf, the parent of the fix 8a057ab4, keep both additions behind a raise NotImplementedError("still havent decided which one to use"), and 8a057ab4 keeps only loss.item()), src/training/__init__.py;
# re-typed, identifiers renamed; tensorboard comments and checkpoint naming shortened.
from datetime import datetime

import torch as T

from .losses import heatmap_loss_batched, reg_loss_batched
from .train_loop import train_one_epoch


def train_loop(epochs, model, training_loader, validation_loader, optimizer):
    timestamp = datetime.now().strftime('%Y%m%d_%H%M%S')
    for epoch in range(epochs):
        print('EPOCH {}:'.format(epoch + 1))
        model.train(True)
        avg_loss = train_one_epoch(model, training_loader, optimizer)

        running_vloss = 0.0
        model.eval()
        with T.no_grad():
            for i, (sample, transformed_landmarks, _) in enumerate(validation_loader):
                n_detections = [len(l) for l in transformed_landmarks]
                input_image, labels = sample
                gt_reg, gt_heat_base, _ = labels
                pred_reg, pred_heat_base, _ = model(input_image)
                vloss = T.mean(heatmap_loss_batched(pred_heat_base, gt_heat_base, n_detections), dim=0)
                vloss += T.mean(reg_loss_batched(pred_reg, gt_reg, n_detections), dim=0)
                running_vloss += vloss
        avg_vloss = running_vloss / (i + 1)
        print('LOSS train {} valid {}'.format(avg_loss, avg_vloss))
        if avg_vloss < best_vloss:
            best_vloss = avg_vloss
            T.save(model.state_dict(), 'model_{}_{}'.format(timestamp, epoch))
