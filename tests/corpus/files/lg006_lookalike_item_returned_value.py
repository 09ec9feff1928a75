"""look-alike [LG006]: the accumulated value is already a Python float (`batch_loss = loss.item()`), in a Kaggle-style loop."""
import torch
import torch.nn as nn
from tqdm import tqdm


def train_fn(model, loader, optimizer, scheduler, device):
    model.train()
    criterion = nn.CrossEntropyLoss()
    final_loss = 0
    bar = tqdm(loader, total=len(loader))
    for data in bar:
        for k, v in data.items():
            data[k] = v.to(device)
        optimizer.zero_grad()
        out = model(data["image"])
        loss = criterion(out, data["label"])
        loss.backward()
        optimizer.step()
        scheduler.step()
        batch_loss = loss.item()
        final_loss += batch_loss
        bar.set_postfix(loss=batch_loss)
    return final_loss / len(loader)
