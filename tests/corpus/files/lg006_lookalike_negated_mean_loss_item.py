"""look-alike [LG006]: the same `-torch.mean(...)` loss with backward(), but the running sum takes loss.item() and the validation sum runs under no_grad."""
import torch
import torch.nn as nn


class Scorer(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(8))

    def forward(self, x):
        return torch.log_softmax(x @ self.w.unsqueeze(1), dim=0)


def fit(model, batches, val_batches, epochs=3):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        running = 0.0
        for x in batches:
            optimizer.zero_grad()
            loss = -torch.mean(model(x))
            loss.backward()
            optimizer.step()
            running += loss.item()
        with torch.no_grad():
            val = 0.0
            for x in val_batches:
                loss = -torch.mean(model(x))
                val += loss
        print(epoch, running / len(batches), float(val))
