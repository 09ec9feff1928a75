"""look-alike [LG002, LG003, LG004]: Linear logits into BCEWithLogitsLoss(pos_weight=...) with float targets; sigmoid only for the AUC."""
import torch
import torch.nn as nn
from sklearn.metrics import roc_auc_score


class Classifier(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, 256), nn.SiLU(), nn.Dropout(0.1), nn.Linear(256, 1))

    def forward(self, x):
        return self.body(x).squeeze(-1)


def train(model, train_loader, val_loader, pos_frac, epochs=10):
    criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos_frac) / pos_frac))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        model.train()
        for x, y in train_loader:
            optimizer.zero_grad()
            logits = model(x)
            loss = criterion(logits, y.float())
            loss.backward()
            optimizer.step()
        model.eval()
        scores, labels = [], []
        with torch.no_grad():
            for x, y in val_loader:
                scores.append(torch.sigmoid(model(x)))
                labels.append(y)
        print(epoch, roc_auc_score(torch.cat(labels).numpy(), torch.cat(scores).numpy()))
