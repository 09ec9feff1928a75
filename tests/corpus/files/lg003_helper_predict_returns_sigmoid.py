"""positive [LG003]: helper `predict(model, x)` returns sigmoid probabilities; its result is the BCEWithLogitsLoss input."""
import torch
import torch.nn as nn


def predict(model, batch):
    logits = model(batch["features"])
    return torch.sigmoid(logits)


def train_loop(model, loader, optimizer, scheduler, device):
    loss_fn = nn.BCEWithLogitsLoss()
    model.train()
    for step, batch in enumerate(loader):
        batch = {k: v.to(device) for k, v in batch.items()}
        prob = predict(model, batch)
        loss = loss_fn(prob, batch["target"])  # expect: LG003
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        if step % 50 == 0:
            print(step, loss.item())


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds = [predict(model, {k: v.to(device) for k, v in b.items()}) for b in loader]
    return torch.cat(preds)
