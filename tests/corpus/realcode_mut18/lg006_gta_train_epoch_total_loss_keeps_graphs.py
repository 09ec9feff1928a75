"""positive [LG006]: a GNN benchmark's train_epoch adds every batch's loss tensor to its running total (a bug in the repository as it is)."""

# Source: AniruddhaMandal/GTA@cc84904629 utils/evaluate.py (train_epoch, re-typed; the edge-prediction branch cut)
import torch


def train_epoch(model, dataloader, loss_fn, metric_fn, optimizer, scheduler, device):
    total_loss, total_acc = 0, 0
    model.train()
    for i, batch in enumerate(dataloader):
        batch.to(device)
        optimizer.zero_grad()
        y_pred = model(batch)
        loss = loss_fn(y_pred, batch.y)
        loss.backward()
        optimizer.step()
        total_loss += loss  # expect: LG006
        total_acc += metric_fn(y_pred, batch.y)
    if scheduler is not None:
        scheduler.step(total_loss)
    avg_loss = total_loss / (i + 1)
    if isinstance(avg_loss, torch.Tensor):
        avg_loss = avg_loss.item()
    return avg_loss, total_acc / (i + 1)
