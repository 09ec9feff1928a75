"""positive [LG005]: LSTM forecaster: Linear(hidden, 1) on the last step gives (N, 1); target flattened to (N,) for SmoothL1Loss."""
import torch
import torch.nn as nn


class Forecaster(nn.Module):
    def __init__(self, n_feat=5, hidden=64):
        super().__init__()
        self.lstm = nn.LSTM(n_feat, hidden, num_layers=2, batch_first=True, dropout=0.1)
        self.fc = nn.Linear(hidden, 1)

    def forward(self, seq):
        out, _ = self.lstm(seq)
        return self.fc(out[:, -1, :])


model = Forecaster()
criterion = nn.SmoothL1Loss(beta=0.5)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader, epochs=30):
    for epoch in range(epochs):
        for window, next_value in loader:
            optimizer.zero_grad()
            forecast = model(window)
            loss = criterion(forecast, next_value.flatten())  # expect: LG005
            loss.backward()
            optimizer.step()
