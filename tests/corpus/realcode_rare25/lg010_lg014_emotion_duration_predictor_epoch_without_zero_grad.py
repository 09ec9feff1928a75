"""positive [LG010, LG014]: an emotion-conversion example's duration predictor trains with a log-scale MSE written with `F.mse_loss(..., reduce=False)`, and its `train_epoch` calls `loss.backward()`, clips and `optimizer.step()` every batch with no `zero_grad()` anywhere: the gradients add up across the epoch."""

# Source: facebookresearch/fairseq@3d262bb examples/emotion_conversion/emotion_models/duration_predictor.py (re-typed, renamed, cut to the predictor, the loss and the epochs; hydra's instantiate replaced by the classes it builds)
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvDurationPredictor(nn.Module):
    def __init__(self, n_tokens, emb_dim=128, channels=256, n_layers=3, kernel=3, dropout=0.1):
        super().__init__()
        self.emb = nn.Embedding(n_tokens, emb_dim)
        layers = []
        for i in range(n_layers):
            layers += [nn.Conv1d(emb_dim if i == 0 else channels, channels, kernel, padding=kernel // 2), nn.ReLU(), nn.Dropout(dropout)]
        self.conv = nn.Sequential(*layers)
        self.proj = nn.Linear(channels, 1)

    def forward(self, x):
        h = self.emb(x).transpose(1, 2)
        h = self.conv(h).transpose(1, 2)
        return self.proj(h).squeeze(-1)


def log_mse(pred, target):
    return F.mse_loss(  # expect: LG010
        input=pred.float(),
        target=torch.log(target.float() + 1),
        reduce=False,
    )


def train_epoch(model, loader, criterion, optimizer, device):
    model.train()
    epoch_loss = 0
    for x, y, mask, _ in loader:
        x, y, mask = x.to(device), y.to(device), mask.to(device)
        yhat = model(x)
        loss = criterion(yhat, y) * mask
        loss = torch.mean(loss)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()  # expect: LG014
        epoch_loss += loss.item()
    return epoch_loss / len(loader)


def train(n_tokens, train_dl, epochs, device, lr=1e-3):
    model = ConvDurationPredictor(n_tokens).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(epochs):
        train_loss = train_epoch(model, train_dl, log_mse, optimizer, device)
        print(f"[epoch {epoch}] train loss: {train_loss:.3f}")
