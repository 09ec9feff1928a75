"""look-alike [LG003, LG002]: squeeze-excitation sigmoid gates inside the model; the head is a Linear, trained with BCEWithLogitsLoss."""
import torch
import torch.nn as nn


class SEBlock(nn.Module):
    def __init__(self, ch, r=16):
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Sequential(nn.Linear(ch, ch // r), nn.ReLU(), nn.Linear(ch // r, ch), nn.Sigmoid())

    def forward(self, x):
        w = self.fc(self.pool(x).flatten(1))
        return x * w[:, :, None, None]


class SENet(nn.Module):
    def __init__(self, n_out=1):
        super().__init__()
        self.stem = nn.Conv2d(3, 64, 7, stride=2, padding=3)
        self.se1 = SEBlock(64)
        self.conv = nn.Conv2d(64, 128, 3, stride=2, padding=1)
        self.se2 = SEBlock(128)
        self.gate = nn.Linear(128, 128)
        self.head = nn.Linear(128, n_out)

    def forward(self, x):
        x = self.se1(torch.relu(self.stem(x)))
        x = self.se2(torch.relu(self.conv(x)))
        x = x.mean(dim=(2, 3))
        x = x * torch.sigmoid(self.gate(x))
        return self.head(x)


model = SENet()
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader):
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y.float())
        loss.backward()
        optimizer.step()
