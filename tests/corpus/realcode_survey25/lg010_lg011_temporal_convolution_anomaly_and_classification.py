"""positive [LG010, LG011]: a temporal-convolution benchmark scores anomalies with `nn.MSELoss(reduce=False)` and turns the collected classification logits into probabilities with `F.softmax` without dim."""

# Source: luodhhh/ModernTCN@56a9a2c ModernTCN-detection/exp/exp_anomaly_detection.py, ModernTCN-classification/exp/exp_classification.py (re-typed, renamed, cut to the scoring)
import numpy as np
import torch
import torch.nn as nn


def anomaly_scores(model, loader, device):
    model.eval()
    per_point = nn.MSELoss(reduce=False)  # expect: LG010
    energies = []
    with torch.no_grad():
        for batch_x, _ in loader:
            batch_x = batch_x.float().to(device)
            reconstruction = model(batch_x, None, None, None)
            score = torch.mean(per_point(batch_x, reconstruction), dim=-1)
            energies.append(score.detach().cpu().numpy())
    return np.concatenate(energies, axis=0).reshape(-1)


def classification_accuracy(model, loader, device):
    model.eval()
    preds, trues = [], []
    with torch.no_grad():
        for batch_x, label, padding_mask in loader:
            outputs = model(batch_x.float().to(device), padding_mask.float().to(device), None, None)
            preds.append(outputs.detach())
            trues.append(label)
    preds = torch.cat(preds, 0)
    probs = torch.nn.functional.softmax(preds)  # expect: LG011
    predictions = torch.argmax(probs, dim=1).cpu().numpy()
    trues = torch.cat(trues, 0).flatten().cpu().numpy()
    return float(np.mean(predictions == trues))
