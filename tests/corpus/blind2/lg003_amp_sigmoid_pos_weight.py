"""positive [LG003]: an AMP loop applies .sigmoid() to the model output and feeds it to BCEWithLogitsLoss(pos_weight=...)."""
import torch
import torch.nn as nn
from torch.cuda.amp import GradScaler, autocast


def train(model, train_loader, val_loader, epochs, pos_frac, device="cuda"):
    pos_weight = torch.tensor([(1 - pos_frac) / pos_frac], device=device)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=3e-4, total_steps=epochs * len(train_loader))
    scaler = GradScaler()
    for epoch in range(epochs):
        model.train()
        for ecg, is_afib in train_loader:
            ecg = ecg.to(device)
            is_afib = is_afib.to(device).float().unsqueeze(1)
            optimizer.zero_grad(set_to_none=True)
            with autocast(dtype=torch.float16):
                prob = model(ecg).sigmoid()
                loss = loss_fn(prob, is_afib)  # expect: LG003
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
