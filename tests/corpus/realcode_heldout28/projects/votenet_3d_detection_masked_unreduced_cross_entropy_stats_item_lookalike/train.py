"""part of look-alike project [LG006, LG013, LG015]: the training loop clears the optimizer, lets the criterion fill the end_points dict, steps, and sums end_points[key].item() for every loss, accuracy and ratio key into a statistics dict that it resets every ten batches."""
# Source: facebookresearch/votenet at 2f6d6d36, train.py (train_one_epoch, read as is); re-typed, identifiers renamed; argument
# parsing, dataset and model construction, BN-momentum scheduling and evaluation shortened (net, optimizer,
# TRAIN_DATALOADER, DATASET_CONFIG, log_string, adjust_learning_rate as in the source).
import torch

from models.loss_helper import get_loss

criterion = get_loss


def train_one_epoch():
    stats = {}
    adjust_learning_rate(optimizer, EPOCH_CNT)
    net.train()
    for batch_idx, batch in enumerate(TRAIN_DATALOADER):
        for key in batch:
            batch[key] = batch[key].to(device)
        optimizer.zero_grad()
        inputs = {'point_clouds': batch['point_clouds']}
        end_points = net(inputs)
        for key in batch:
            assert key not in end_points
            end_points[key] = batch[key]
        loss, end_points = criterion(end_points, DATASET_CONFIG)
        loss.backward()
        optimizer.step()
        for key in end_points:
            if 'loss' in key or 'acc' in key or 'ratio' in key:
                if key not in stats:
                    stats[key] = 0
                stats[key] += end_points[key].item()
        if (batch_idx + 1) % 10 == 0:
            for key in sorted(stats.keys()):
                log_string('mean %s: %f' % (key, stats[key] / 10))
                stats[key] = 0
