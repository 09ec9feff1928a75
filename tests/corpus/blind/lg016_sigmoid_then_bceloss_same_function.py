"""positive [LG016]: the training step applies torch.sigmoid to the Linear output and passes it straight to nn.BCELoss."""
import torch
import torch.nn as nn


class FraudNet(nn.Module):
    def __init__(self, n_features=30):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(n_features, 64), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(64, 16), nn.ReLU(),
            nn.Linear(16, 1),
        )

    def forward(self, x):
        return self.layers(x)


def train(model, loader, epochs=20, lr=1e-3):
    criterion = nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(epochs):
        model.train()
        total = 0.0
        for x, y in loader:
            optimizer.zero_grad()
            logits = model(x)
            probs = torch.sigmoid(logits)
            loss = criterion(probs, y.view(-1, 1).float())  # expect: LG016
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(f"epoch {epoch}: {total / len(loader):.4f}")
    return model


if __name__ == "__main__":
    net = FraudNet()
    print(net(torch.randn(8, 30)).shape)
