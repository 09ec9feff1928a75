"""part of positive project [LG002]: training uses BCEWithLogitsLoss on the classifier's scores, but the evaluation helper picks nn.BCELoss() for task == "classification" and applies it to the same raw scores (it even takes their sigmoid separately for the metrics)."""
# Source: DavidLin852/bbbp-project@0c767d9e8babb999606604eebe5c275a89424a75 scripts/finetune/finetune_transformer.py (read as is; re-typed, path handling, tokenizer and data loading, checkpoint loading, metrics and result files shortened)
from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim.lr_scheduler import ReduceLROnPlateau
from torch.utils.data import DataLoader

from src.transformer.smiles_transformer import (
    SMILESTransformerClassifier,
    SMILESTransformerRegressor,
)


def train_epoch_transformer(model: nn.Module, loader: DataLoader, optimizer: optim.Optimizer,
                            criterion: nn.Module, device: torch.device, task: str) -> float:
    model.train()
    total = 0.0
    n = 0
    for batch in loader:
        input_ids = batch["input_ids"].to(device)
        attention_mask = batch["attention_mask"].to(device)
        labels = batch["labels"].to(device).float()
        optimizer.zero_grad()
        if task == "classification":
            logits = model(input_ids, attention_mask)
            loss = criterion(logits.squeeze(), labels)
        else:
            pred = model(input_ids, attention_mask).squeeze()
            loss = criterion(pred, labels)
        loss.backward()
        optimizer.step()
        total += loss.item()
        n += 1
    return total / n


def evaluate_transformer(model: nn.Module, loader: DataLoader, device: torch.device, task: str):
    model.eval()
    all_preds = []
    all_labels = []
    total = 0.0
    n = 0
    criterion = nn.BCELoss() if task == "classification" else nn.MSELoss()
    with torch.no_grad():
        for batch in loader:
            input_ids = batch["input_ids"].to(device)
            attention_mask = batch["attention_mask"].to(device)
            labels = batch["labels"].to(device).float()
            if task == "classification":
                logits = model(input_ids, attention_mask)
                preds = torch.sigmoid(logits.squeeze()).cpu().numpy()
                loss = criterion(logits.squeeze(), labels)  # expect: LG002
            else:
                preds = model(input_ids, attention_mask).squeeze().cpu().numpy()
                loss = criterion(preds, labels)
            all_preds.append(preds)
            all_labels.append(labels.cpu().numpy())
            total += loss.item()
            n += 1
    return np.concatenate(all_preds), np.concatenate(all_labels), total / n


def finetune_transformer(vocab_size: int, cfg: dict, task: str, train_loader, val_loader,
                         device: str = "auto", epochs: int = 200, patience: int = 25, lr: float = 5e-4):
    device = torch.device("cuda" if torch.cuda.is_available() and device == "auto" else device)
    if task == "classification":
        model = SMILESTransformerClassifier(vocab_size=vocab_size, d_model=cfg["hidden_dim"], n_heads=cfg["heads"],
                                            n_layers=cfg["num_layers"], d_ff=cfg["hidden_dim"] * 4, dropout=0.1, max_len=128)
    else:
        model = SMILESTransformerRegressor(vocab_size=vocab_size, d_model=cfg["hidden_dim"], n_heads=cfg["heads"],
                                           n_layers=cfg["num_layers"], d_ff=cfg["hidden_dim"] * 4, dropout=0.1, max_len=128)
    model = model.to(device)
    optimizer = optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-5)
    scheduler = ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=5)
    criterion = nn.BCEWithLogitsLoss() if task == "classification" else nn.MSELoss()

    best = -float("inf")
    waited = 0
    for epoch in range(1, epochs + 1):
        train_loss = train_epoch_transformer(model, train_loader, optimizer, criterion, device, task)
        val_preds, val_labels, val_loss = evaluate_transformer(model, val_loader, device, task)
        metric = -val_loss
        if metric > best:
            best = metric
            waited = 0
        else:
            waited += 1
        scheduler.step(metric)
        if waited >= patience:
            break
    return best
