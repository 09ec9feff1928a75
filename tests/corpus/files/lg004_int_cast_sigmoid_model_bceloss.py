"""positive [LG004]: `.int()` labels into BCELoss fed by a sigmoid-ending model (the input side is fine)."""
import torch
import torch.nn as nn


class Detector(nn.Module):
    def __init__(self, n_in=40):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(n_in, 64), nn.ReLU(), nn.Linear(64, 1), nn.Sigmoid())

    def forward(self, x):
        return self.fc(x).squeeze(1)


def train(model, loader, epochs=20):
    bce = nn.BCELoss()
    opt = torch.optim.RMSprop(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for feats, is_speech in loader:
            opt.zero_grad()
            p = model(feats)
            loss = bce(p, is_speech.int())  # expect: LG004
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    train(Detector(), torch.load("vad_loader.pt"))
