"""look-alike [LG006, LG015]: a deep time-index forecaster's validation, decorated with `@torch.no_grad()`, appends each batch's unreduced loss to a list and concatenates it once; the training loop back-propagates the reduced loss."""

# Source: salesforce/DeepTime@fa9900e experiments/forecast.py (re-typed, renamed, cut to training and validation)
import torch
import torch.nn.functional as F


@torch.no_grad()
def validate(model, loader, loss_fn):
    model.eval()
    total_loss = []
    for x, y, x_time, y_time in loader:
        if x.shape[0] == 1:
            continue
        forecast = model(x, x_time, y_time)
        loss = loss_fn(forecast, y, reduction="none")
        total_loss.append(loss)
    total_loss = torch.cat(total_loss, dim=0).cpu()
    return float(total_loss.mean())


def train(model, optimizer, train_loader, val_loader, epochs):
    for epoch in range(epochs):
        model.train()
        for x, y, x_time, y_time in train_loader:
            optimizer.zero_grad()
            forecast = model(x, x_time, y_time)
            loss = F.mse_loss(forecast, y)
            loss.backward()
            optimizer.step()
        print(epoch, validate(model, val_loader, F.mse_loss))
