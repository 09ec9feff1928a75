"""positive [LG006]: the counting detector's epoch loop re-builds two dicts of running sums from each step's loss terms, which hold their graphs (every value is summed into the back-propagated loss), so every step's graph is kept (the thread: "Training memory leak"); its counting error of the model's output is a metric, not a loss."""

# Source: https://github.com/jerpelhan/DAVE/issues/11 (the loop the user posted); jerpelhan/DAVE@2225c45 train_det.py (cut, renamed)
import torch
from torch import nn


def train(model, criterion, aux_criterion, det_criterion, loader, optimizer, device, epochs, max_grad_norm=0.1):
    for epoch in range(epochs):
        train_losses = {k: torch.tensor(0.0).to(device) for k in criterion.losses.keys()}
        aux_train_losses = {k: torch.tensor(0.0).to(device) for k in aux_criterion.losses.keys()}
        train_ae = torch.tensor(0.0).to(device)
        model.train()
        for img, bboxes, density_map, targets in loader:
            img = img.to(device)
            bboxes = bboxes.to(device)
            density_map = density_map.to(device)
            optimizer.zero_grad()
            out, aux_out, tblr, location = model(img, bboxes)
            main_losses = criterion(out, density_map, bboxes)
            aux_losses = [aux_criterion(aux, density_map, bboxes) for aux in aux_out]
            det_loss = det_criterion(location, tblr, targets)
            loss = sum([ml for ml in main_losses.values()]) * 0 + sum([al for alls in aux_losses for al in alls.values()]) * 0 + det_loss
            loss.backward()
            if max_grad_norm > 0:
                nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
            optimizer.step()
            train_losses = {k: train_losses[k] + main_losses[k] * img.size(0) for k in train_losses.keys()}  # expect: LG006
            aux_train_losses = {
                k: aux_train_losses[k] + sum([a[k] for a in aux_losses]) * img.size(0) for k in aux_train_losses.keys()
            }  # expect: LG006
            train_ae += torch.abs(density_map.flatten(1).sum(dim=1) - out.flatten(1).sum(dim=1)).sum()
        print(epoch, {k: v.item() for k, v in train_losses.items()}, train_ae.item())
