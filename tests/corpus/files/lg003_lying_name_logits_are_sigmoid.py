"""positive [LG003]: variable named `logits` holds torch.sigmoid output (lying name) and reaches BCEWithLogitsLoss; multi-line call."""
import torch
import torch.nn as nn


class AttributeNet(nn.Module):
    def __init__(self, n_attrs=40):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3, stride=2), nn.ReLU(),
            nn.Conv2d(32, 64, 3, stride=2), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.head = nn.Linear(64, n_attrs)

    def forward(self, x):
        return self.head(self.features(x))


model = AttributeNet()
criterion = nn.BCEWithLogitsLoss(reduction="mean")
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)


def train_epoch(loader):
    for faces, attrs in loader:
        optimizer.zero_grad()
        logits = torch.sigmoid(model(faces))
        loss = criterion(
            logits,  # expect: LG003
            attrs.float(),
        )
        loss.backward()
        optimizer.step()
