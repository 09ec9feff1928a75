"""positive [LG005]: class indices reshaped to (N, 1) with view(-1, 1) before CrossEntropyLoss on (N, C) logits."""
import torch
import torch.nn as nn


class IrisNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def fit(X, y, epochs=500):
    model = IrisNet()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    X = X.view(-1, 4)
    y = y.long().view(-1, 1)
    for epoch in range(epochs):
        optimizer.zero_grad()
        out = model(X)
        loss = criterion(out, y)  # expect: LG005
        loss.backward()
        optimizer.step()
    return model


if __name__ == "__main__":
    data = torch.load("iris.pt")
    fit(data["X"], data["y"])
