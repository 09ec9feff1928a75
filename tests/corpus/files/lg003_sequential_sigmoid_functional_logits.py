"""positive [LG003]: nn.Sequential ending in nn.Sigmoid() fed to F.binary_cross_entropy_with_logits via `import torch.nn.functional as F`."""
import torch
import torch.nn as nn
import torch.nn.functional as F

encoder = nn.Sequential(nn.Conv1d(12, 32, 7, padding=3), nn.ReLU(), nn.AdaptiveMaxPool1d(1), nn.Flatten())
classifier = nn.Sequential(nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 5), nn.Sigmoid())
params = list(encoder.parameters()) + list(classifier.parameters())
opt = torch.optim.Adam(params, lr=1e-3)


def train_ecg(loader, epochs=20):
    for epoch in range(epochs):
        for signals, labels in loader:
            opt.zero_grad()
            scores = classifier(encoder(signals))
            loss = F.binary_cross_entropy_with_logits(scores, labels.float())  # expect: LG003
            loss.backward()
            opt.step()
        print(epoch, loss.item())
