"""part of look-alike project [LG006, LG014]: the epoch driver trains the base or the novel heatmap head, validates under torch.no_grad and keeps the best weights."""
# Source: MarcelloCeresini/FSOD_CenterNet at 8a057ab4 ("Merged branches", the commit that keeps only running_loss += loss.item(); parent 9668aacf), src/training/__init__.py;
# re-typed, identifiers renamed; set_model_to_train_novel and the logging comments shortened.
import os
from datetime import datetime

import torch as T
from tqdm import tqdm

from .losses import heatmap_loss_batched, reg_loss_batched
from .train_one_epoch import train_one_epoch


def train_loop(model, epochs, training_loader, validation_loader, optimizer, weights_path=None,
               name="standard_model", novel_training=False):
    timestamp = datetime.now().strftime('%Y%m%d_%H%M%S')
    best_vloss = 1e10
    for epoch in range(epochs):
        model.train()
        avg_loss = train_one_epoch(model, training_loader, optimizer, novel_training=novel_training)
        running_vloss = 0.0
        model.eval()
        with T.no_grad():
            for i, (sample, transformed_landmarks, _) in tqdm(enumerate(validation_loader), total=len(validation_loader)):
                n_detections = [len(l) for l in transformed_landmarks]
                input_image, labels = sample
                gt_reg, gt_heat_base, gt_heat_novel = labels
                pred_reg, pred_heat_base, pred_heat_novel = model(input_image)
                if novel_training:
                    vloss = T.mean(heatmap_loss_batched(pred_heat_novel, gt_heat_novel, n_detections), dim=0)
                else:
                    vloss = T.mean(heatmap_loss_batched(pred_heat_base, gt_heat_base, n_detections), dim=0)
                    vloss += T.mean(reg_loss_batched(pred_reg, gt_reg, n_detections), dim=0)
                running_vloss += vloss
        avg_vloss = running_vloss / (i + 1)
        print('LOSS train {} - valid {}'.format(avg_loss, avg_vloss))
        if avg_vloss < best_vloss:
            best_vloss = avg_vloss
            model_path = os.path.join(weights_path, '{}_{}_{}.pt'.format(name, timestamp, epoch))
            if not novel_training:
                T.save(model.state_dict(), model_path)
    return model
