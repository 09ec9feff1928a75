"""look-alike [LG006]: the same train_epoch adding loss.item(), a number."""


# Source: AniruddhaMandal/GTA@cc84904629 utils/evaluate.py (train_epoch, re-typed and corrected; the edge-prediction branch cut)
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
        total_loss += loss.item()
        total_acc += metric_fn(y_pred, batch.y)
    if scheduler is not None:
        scheduler.step(total_loss)
    return total_loss / (i + 1), total_acc / (i + 1)
