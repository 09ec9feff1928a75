"""look-alike [LG004]: labels are `.long()` for CE metrics bookkeeping but `.float()` is what reaches BCEWithLogitsLoss."""
import torch
import torch.nn as nn


def train(model, loader, optimizer, device):
    criterion = nn.BCEWithLogitsLoss()
    model.train()
    confusion = torch.zeros(2, 2, dtype=torch.long)
    for images, labels in loader:
        images = images.to(device)
        labels_idx = labels.to(device).long()
        labels_f = labels_idx.float()
        optimizer.zero_grad()
        logits = model(images).squeeze(1)
        loss = criterion(logits, labels_f)
        loss.backward()
        optimizer.step()
        preds = (logits > 0).long()
        for t, p in zip(labels_idx.cpu(), preds.cpu()):
            confusion[t, p] += 1
    return confusion
