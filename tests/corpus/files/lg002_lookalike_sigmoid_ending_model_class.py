"""look-alike [LG002, LG016]: model class applies self.sigmoid at the end of forward; BCELoss on its output is correct."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader


class Diabetes(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(8, 12)
        self.l2 = nn.Linear(12, 8)
        self.l3 = nn.Linear(8, 1)
        self.relu = nn.ReLU()
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        x = self.relu(self.l1(x))
        x = self.relu(self.l2(x))
        return self.sigmoid(self.l3(x))


def train(dataset, epochs=150):
    model = Diabetes()
    loss_fn = nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loader = DataLoader(dataset, batch_size=10, shuffle=True)
    for epoch in range(epochs):
        for Xbatch, ybatch in loader:
            y_pred = model(Xbatch)
            loss = loss_fn(y_pred, ybatch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print(f"Finished epoch {epoch}, latest loss {loss.item()}")
    return model
