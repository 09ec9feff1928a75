"""positive [LG015]: Trainer class stores self.criterion = nn.SmoothL1Loss(reduction='none'); the step calls loss.backward() on it."""
import torch
import torch.nn as nn


class Trainer:
    def __init__(self, model, lr=1e-3):
        self.model = model
        self.criterion = nn.SmoothL1Loss(reduction="none")
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    def step(self, x, y):
        self.optimizer.zero_grad()
        pred = self.model(x)
        loss = self.criterion(pred, y)
        loss.backward()  # expect: LG015
        self.optimizer.step()
        return loss.mean().item()

    def fit(self, loader, epochs=5):
        for _ in range(epochs):
            for x, y in loader:
                self.step(x, y)
