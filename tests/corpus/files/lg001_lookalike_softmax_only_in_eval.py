"""look-alike [LG001]: softmax happens only when `not self.training`; the train-time value is uncertain, so nothing is reported."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ProductClassifier(nn.Module):
    def __init__(self, n_features=300, n_classes=12):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_features, 512), nn.ReLU(), nn.Dropout(0.2), nn.Linear(512, n_classes))

    def forward(self, x):
        x = self.net(x)
        if not self.training:
            x = F.softmax(x, dim=-1)
        return x


def fit(model, train_loader, val_loader, epochs=10):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        model.train()
        for x, y in train_loader:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()

        model.eval()
        correct = 0
        with torch.no_grad():
            for x, y in val_loader:
                probs = model(x)
                correct += (probs.argmax(-1) == y).sum().item()
        print(epoch, correct / len(val_loader.dataset))
