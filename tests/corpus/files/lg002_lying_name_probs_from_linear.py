"""positive [LG002]: a tensor named `probs` is the output of a Linear layer (lying name) and reaches F.binary_cross_entropy."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Siamese(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 64, 10), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 128, 7), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.LazyLinear(1024), nn.Sigmoid(),
        )
        self.similarity = nn.Linear(1024, 1)

    def forward(self, a, b):
        distance = torch.abs(self.encoder(a) - self.encoder(b))
        return self.similarity(distance)


net = Siamese()
optimizer = torch.optim.Adam(net.parameters(), lr=6e-5)


def train(pairs_loader, epochs=50):
    for epoch in range(epochs):
        for img1, img2, same in pairs_loader:
            optimizer.zero_grad()
            probs = net(img1, img2)
            loss = F.binary_cross_entropy(probs, same)  # expect: LG002
            loss.backward()
            optimizer.step()
