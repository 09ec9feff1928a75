"""look-alike [LG003, LG006]: sigmoid is applied after the BCEWithLogitsLoss call, only to compute ROC-AUC; validation predictions are collected under no_grad."""
import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import roc_auc_score


class CTRModel(nn.Module):
    def __init__(self, n_fields=26, vocab=100000, emb=16):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb)
        self.mlp = nn.Sequential(nn.Linear(n_fields * emb, 200), nn.ReLU(), nn.Linear(200, 1))

    def forward(self, x):
        return self.mlp(self.emb(x).flatten(1)).squeeze(-1)


def run_epoch(model, loader, opt, device):
    criterion = nn.BCEWithLogitsLoss()
    model.train()
    for x, y in loader:
        x, y = x.to(device), y.to(device).float()
        logits = model(x)
        loss = criterion(logits, y)
        opt.zero_grad()
        loss.backward()
        opt.step()

    model.eval()
    preds, trues, val_losses = [], [], []
    with torch.no_grad():
        for x, y in loader:
            logits = model(x.to(device))
            val_losses.append(criterion(logits, y.to(device).float()))
            preds.append(torch.sigmoid(logits).cpu().numpy())
            trues.append(y.numpy())
    auc = roc_auc_score(np.concatenate(trues), np.concatenate(preds))
    return torch.stack(val_losses).mean().item(), auc


if __name__ == "__main__":
    m = CTRModel()
    print(m(torch.randint(0, 100000, (4, 26))).shape)
