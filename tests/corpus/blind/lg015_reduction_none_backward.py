"""positive [LG015]: per-pixel weighting was planned but never applied: BCEWithLogitsLoss(reduction='none') output goes straight to backward()."""
import torch
import torch.nn as nn


class EdgeDetector(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),
            nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(),
            nn.Conv2d(32, 1, 1),
        )

    def forward(self, x):
        return self.body(x)


def train(loader, epochs=20, device="cuda"):
    model = EdgeDetector().to(device)
    criterion = nn.BCEWithLogitsLoss(reduction="none")
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(epochs):
        for img, edges in loader:
            img, edges = img.to(device), edges.to(device).float()
            logits = model(img)
            pixel_loss = criterion(logits, edges)
            optimizer.zero_grad()
            pixel_loss.backward()  # expect: LG015
            optimizer.step()
        print(epoch, pixel_loss.mean().item())


if __name__ == "__main__":
    print(EdgeDetector()(torch.randn(1, 3, 32, 32)).shape)
