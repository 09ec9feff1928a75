"""positive [LG006]: a multi-task detector's epoch loop back-propagates the "total" item of a loss dict and adds every item, key by key over the keys of a dict display that has "total", into epoch totals: each step's graph is kept."""

# Source: nordinbelkacemi/multitask-yolo@06d8352d57 train.py (train_one_epoch); re-typed, identifiers renamed;
# the heat-map logging, the dataset set-up and the evaluation cut
# Mutation: none (the repository's own code)
import torch


def run_epoch(net, optimizer, criterion, batches, device):
    epoch_totals = {
        "total": 0,
        "xy": 0,
        "wh": 0,
        "conf": 0,
        "cls": 0,
    }
    for i in range(len(batches)):
        batch = batches[i]
        images, targets = batch.images.to(device), batch.targets
        optimizer.zero_grad()
        preds = net(images)
        per_group, _ = criterion(preds, targets)
        step_losses = {
            name: sum([group[name] for group in per_group.values()])
            for name in epoch_totals.keys()
        }
        step_losses["total"].backward()
        optimizer.step()
        for name in epoch_totals.keys():
            epoch_totals[name] += step_losses[name] / len(batches)  # expect: LG006
    return epoch_totals
