"""positive [LG006]: classic `epoch_loss += loss` in the batch loop (no .item()), averaged for printing."""
import torch
import torch.nn as nn


def train(model, loader, epochs=10, lr=1e-3, device="cuda"):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    model.to(device)
    for epoch in range(epochs):
        model.train()
        epoch_loss = 0
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            epoch_loss += loss  # expect: LG006
        print(f"epoch {epoch}: {epoch_loss / len(loader)}")
