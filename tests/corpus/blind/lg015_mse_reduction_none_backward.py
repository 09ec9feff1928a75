"""positive [LG015]: depth-estimation script builds nn.L1Loss(reduction='none') to mask invalid pixels later, but calls backward() on the raw per-pixel loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DepthNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(
            nn.Conv2d(3, 32, 3, 2, 1), nn.ReLU(),
            nn.Conv2d(32, 64, 3, 2, 1), nn.ReLU(),
        )
        self.dec = nn.Sequential(
            nn.ConvTranspose2d(64, 32, 4, 2, 1), nn.ReLU(),
            nn.ConvTranspose2d(32, 1, 4, 2, 1),
        )

    def forward(self, x):
        return F.softplus(self.dec(self.enc(x)))


def train(loader, epochs=30, device="cuda"):
    model = DepthNet().to(device)
    l1 = nn.L1Loss(reduction="none")
    opt = torch.optim.Adam(model.parameters(), lr=2e-4)
    for epoch in range(epochs):
        for rgb, depth in loader:
            rgb, depth = rgb.to(device), depth.to(device)
            valid = depth > 0
            pred = model(rgb)
            loss = l1(pred, depth)
            opt.zero_grad()
            loss.backward()  # expect: LG015
            opt.step()
            print(epoch, (loss * valid).sum().item() / valid.sum().item())


if __name__ == "__main__":
    print(DepthNet()(torch.randn(1, 3, 64, 64)).shape)
