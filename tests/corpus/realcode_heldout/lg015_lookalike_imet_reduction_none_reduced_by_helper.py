"""look-alike [LG015, LG014, LG003, LG006]: iMet training: criterion = nn.BCEWithLogitsLoss(reduction='none') reduced by _reduce_loss (sum / batch) before (batch_size * loss).backward(); the optimizer steps and clears every args.step batches (accumulation on purpose); validation takes torch.sigmoid only for predictions; losses keep loss.item()."""
# Source: https://github.com/lopuhin/kaggle-imet-2019 imet/main.py at f1ec0827149a8218430a6884acf49c27ba6fcb1f (issue
# #3 asked whether a sigmoid was missing before BCEWithLogitsLoss; it is not); re-typed, names changed, reduced.
# Correct code.
from itertools import islice

import numpy as np
import torch
from torch import nn


def _reduce_loss(loss):
    return loss.sum() / loss.shape[0]


def train(args, model, criterion, optimizer, train_loader, n_epochs):
    step = 0
    for epoch in range(n_epochs):
        model.train()
        losses = []
        tl = train_loader
        if args.epoch_size:
            tl = islice(tl, args.epoch_size // args.batch_size)
        for i, (inputs, targets) in enumerate(tl):
            outputs = model(inputs)
            loss = _reduce_loss(criterion(outputs, targets))
            batch_size = inputs.size(0)
            (batch_size * loss).backward()
            if (i + 1) % args.step == 0:
                optimizer.step()
                optimizer.zero_grad()
                step += 1
            losses.append(loss.item())


def validation(model, criterion, valid_loader):
    model.eval()
    all_losses, all_predictions = [], []
    with torch.no_grad():
        for inputs, targets in valid_loader:
            outputs = model(inputs)
            loss = criterion(outputs, targets)
            all_losses.append(_reduce_loss(loss).item())
            predictions = torch.sigmoid(outputs)
            all_predictions.append(predictions.cpu().numpy())
    return np.mean(all_losses), np.concatenate(all_predictions)


def main(args, model, train_loader, valid_loader):
    criterion = nn.BCEWithLogitsLoss(reduction="none")
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    train(args, model, criterion, optimizer, train_loader, args.n_epochs)
    validation(model, criterion, valid_loader)
