"""positive [LG002]: cross-file: criterion from losses.build_criterion() (BCELoss) applied to AnomalyScorer's Linear output."""
import torch

from losses import build_criterion
from model import AnomalyScorer


def train(loader, epochs=10):
    model = AnomalyScorer()
    criterion = build_criterion()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for x, y in loader:
            optimizer.zero_grad()
            scores = model(x)
            loss = criterion(scores, y.float())  # expect: LG002
            loss.backward()
            optimizer.step()
