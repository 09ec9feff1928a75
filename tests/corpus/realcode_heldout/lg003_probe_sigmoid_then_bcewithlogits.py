"""positive [LG003]: a reasoning-probe trainer applies torch.sigmoid to the classifier's output before nn.BCEWithLogitsLoss (criterion built a few lines earlier)."""
# Source: issue https://github.com/AngelaZZZ-611/reasoning_models_probing/issues/1,
# src/train_predictor_with_class_weights.py at 167035888e18815041948bef822f56117709103e lines 111 and 144;
# re-typed, names changed, reduced.
import torch
import torch.nn as nn


class Probe(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, 1)

    def forward(self, x):
        return self.fc(x).squeeze(-1)


def train(train_loader, dim, pos_weight, epochs=10):
    model = Probe(dim)
    criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([pos_weight]))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for x, y in train_loader:
            optimizer.zero_grad()
            outputs = torch.sigmoid(model(x))
            loss = criterion(outputs, y.float())  # expect: LG003
            loss.backward()
            optimizer.step()
