"""positive [LG001]: a tensor named `logits` actually holds softmax probabilities (lying name) and reaches F.cross_entropy."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AudioTagger(nn.Module):
    def __init__(self, n_mels=64, n_classes=50):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d((1, 1)),
        )
        self.fc = nn.Linear(32, n_classes)

    def forward(self, spec):
        h = self.features(spec.unsqueeze(1)).flatten(1)
        logits = torch.softmax(self.fc(h), dim=-1)
        return logits


def fit(model, loader, epochs, device):
    opt = torch.optim.Adam(model.parameters(), lr=3e-4)
    for epoch in range(epochs):
        for spec, target in loader:
            spec, target = spec.to(device), target.to(device)
            logits = model(spec)
            loss = F.cross_entropy(logits, target)  # expect: LG001
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, float(loss))
