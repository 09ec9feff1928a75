"""look-alike [LG006]: validation sums loss tensors inside a @torch.no_grad() function (no graph), and training accumulates loss.item() / loss.detach()."""
import torch
import torch.nn as nn


@torch.no_grad()
def evaluate(model, loader, criterion, device):
    model.eval()
    total = torch.zeros((), device=device)
    batches = 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        total += criterion(model(x), y)
        batches += 1
    return (total / max(batches, 1)).item()


def fit(model, train_loader, val_loader, epochs, device="cuda"):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)
    step_losses = []
    for epoch in range(epochs):
        model.train()
        epoch_sum = 0.0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            loss = criterion(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            epoch_sum += loss.item()
            step_losses.append(loss.detach().cpu())
        val = evaluate(model, val_loader, criterion, device)
        print(epoch, epoch_sum / len(train_loader), val)
    return torch.stack(step_losses)
