"""look-alike [LG006]: a detector's `compute_loss` sums loss terms over the output layers and returns `(loss, parts)`; the caller unpacks the tuple and back-propagates `loss`."""
# Shape of eriklindernoren/PyTorch-YOLOv3@1d621c8489e22c76ceb93bb2397ac6c8dfb5ceb7 pytorchyolo/utils/loss.py and train.py (correct code).
import torch
import torch.nn as nn


def compute_loss(predictions, targets):
    device = targets.device
    lcls, lobj = torch.zeros(1, device=device), torch.zeros(1, device=device)
    bce_cls = nn.BCEWithLogitsLoss()
    bce_obj = nn.BCEWithLogitsLoss()
    for layer_index, layer_predictions in enumerate(predictions):
        tobj = torch.zeros_like(layer_predictions[..., 0])
        lcls += bce_cls(layer_predictions[..., 5:], targets[layer_index])
        lobj += bce_obj(layer_predictions[..., 4], tobj)
    loss = lobj + 0.5 * lcls
    return loss, torch.cat((lobj, lcls, loss)).detach().cpu()


def train(model, loader, optimizer, epochs):
    for epoch in range(epochs):
        model.train()
        for imgs, targets in loader:
            outputs = model(imgs)
            loss, loss_components = compute_loss(outputs, targets)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
