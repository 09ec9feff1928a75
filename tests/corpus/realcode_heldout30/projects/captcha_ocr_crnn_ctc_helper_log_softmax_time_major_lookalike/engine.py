"""part of look-alike project [LG006, LG012, LG014]: the epoch functions: clear, forward, the CTC helper, backward, step; the epoch loss is summed with loss.item()."""
# Source: manhph2211/OCR-Pytorch at b127ba04, engine.py; re-typed, identifiers renamed.
from tqdm import tqdm
from loss import ctc_loss


def train_epoch(model, loader, optimizer, device):
    model.train()
    total = 0
    bar = tqdm(loader, total=len(loader))
    for X, y in bar:
        X = X.to(device)
        y = y.to(device)
        optimizer.zero_grad()
        y_hat = model(X)
        loss = ctc_loss(y_hat, y)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(loader)


def eval_epoch(model, loader, device):
    model.eval()
    total = 0
    bar = tqdm(loader, total=len(loader))
    for X, y in bar:
        X = X.to(device)
        y = y.to(device)
        y_hat = model(X)
        loss = ctc_loss(y_hat, y)
        total += loss.item()
    return total / len(loader)
