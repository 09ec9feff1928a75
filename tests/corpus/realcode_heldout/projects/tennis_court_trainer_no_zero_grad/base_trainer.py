"""part of positive project [LG014]: train(model, train_loader, optimizer, criterion, ...) computes criterion(F.sigmoid(out), heatmaps), calls loss.backward() and optimizer.step() every batch and never clears the gradients."""
# Source: https://github.com/yastrebksv/TennisCourtDetector base_trainer.py at the parent of
# e5cd4f1ce26b15361700d3d89e068cbf0e82749e ("added optimizer.zero_grad", issue #7); re-typed, names changed.
import numpy as np
import torch.nn.functional as F


def train(model, train_loader, optimizer, criterion, device, epoch, max_iters=1000):
    model.train()
    losses = []
    max_iters = min(max_iters, len(train_loader))
    for iter_id, batch in enumerate(train_loader):
        out = model(batch[0].float().to(device))
        gt_hm_hp = batch[1].float().to(device)
        loss = criterion(F.sigmoid(out), gt_hm_hp)
        loss.backward()
        optimizer.step()  # expect: LG014
        losses.append(loss.item())
        if iter_id > max_iters:
            break
    return np.mean(losses)
