"""part of positive project [LG006]: __train appends the loss tensor returned by model.training_step (still holding its graph) to train_losses for every batch of the epoch; the list is only reduced with torch.stack(...).mean().item() after the epoch."""
# Source: Shaveek23/cifar10-computer_vision at 60d3591a (read as is), source/training.py; re-typed, identifiers
# renamed; the plotting and ray-tune checkpoint helpers cut.
import json
import os

import torch
import torch.nn as nn
from tqdm import tqdm


@torch.no_grad()
def evaluate(model, loader, criterion, device="cpu"):
    model.eval()
    outs = [model.validation_step(batch, criterion, device) for batch in loader]
    return model.validation_epoch_end(outs)


def fit(model, train_loader, val_loader, optimizer, criterion, epochs=10, device="cpu", is_logging=False, epoch_logging=5, trial_name=None):
    if torch.cuda.device_count() > 1:
        model = nn.DataParallel(model)
    model.to(device)

    history = []
    for epoch in range(epochs):
        res = epoch_step(model, train_loader, val_loader, optimizer, criterion, epoch, device)
        history.append(res)
        if is_logging and (epoch + 1) % epoch_logging == 0:
            with open(os.path.join("results", f"{trial_name}_{epoch + 1}.json"), "w") as fh:
                fh.write(json.dumps(history))
    return model, history


def epoch_step(model, train_loader, val_loader, optimizer, criterion, epoch, device="cpu"):
    losses, accs = __train(model, train_loader, optimizer, criterion, device)
    val_res = __validate(model, val_loader, criterion, device)
    res = __get_epochs_results(val_res, losses, accs)
    model.epoch_end(epoch, res)
    return res


def __train(model, loader, optimizer, criterion, device):
    model.train()
    train_losses = []
    train_accuracy = []
    for batch in tqdm(loader):
        loss, acc = model.training_step(batch, criterion, device)
        train_losses.append(loss)  # expect: LG006
        train_accuracy.append(acc)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    return train_losses, train_accuracy


def __validate(model, loader, criterion, device):
    return evaluate(model, loader, criterion, device)


def __get_epochs_results(val_res, losses, accs):
    res = val_res
    res["train_loss"] = torch.stack(losses).mean().item()
    res["train_accuracy"] = torch.stack(accs).mean().item()
    return res
