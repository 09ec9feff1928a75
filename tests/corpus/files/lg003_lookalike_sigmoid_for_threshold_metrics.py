"""look-alike [LG003, LG006]: BCEWithLogitsLoss on logits; sigmoid only afterwards for thresholded F1; `running += loss.item() * bs`."""
import torch
import torch.nn as nn
from sklearn.metrics import f1_score


def train_epoch(model, loader, optimizer, device, threshold=0.5):
    criterion = nn.BCEWithLogitsLoss()
    model.train()
    running, n = 0.0, 0
    all_preds, all_true = [], []
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device).float()
        optimizer.zero_grad()
        logits = model(images)
        loss = criterion(logits, labels)
        loss.backward()
        optimizer.step()

        running += loss.item() * images.size(0)
        n += images.size(0)
        preds = (torch.sigmoid(logits) > threshold).int()
        all_preds.append(preds.detach().cpu())
        all_true.append(labels.int().cpu())
    f1 = f1_score(torch.cat(all_true).numpy(), torch.cat(all_preds).numpy(), average="samples")
    return running / n, f1
