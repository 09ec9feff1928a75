"""positive [LG003]: UNet-style model returns torch.sigmoid(self.final(x)); the training loop uses nn.BCEWithLogitsLoss on it."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DoubleConv(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.block = nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        )

    def forward(self, x):
        return self.block(x)


class UNet(nn.Module):
    def __init__(self, in_ch=1, n_out=1):
        super().__init__()
        self.d1 = DoubleConv(in_ch, 32)
        self.d2 = DoubleConv(32, 64)
        self.bott = DoubleConv(64, 128)
        self.u2 = nn.ConvTranspose2d(128, 64, 2, stride=2)
        self.c2 = DoubleConv(128, 64)
        self.u1 = nn.ConvTranspose2d(64, 32, 2, stride=2)
        self.c1 = DoubleConv(64, 32)
        self.final = nn.Conv2d(32, n_out, 1)

    def forward(self, x):
        x1 = self.d1(x)
        x2 = self.d2(F.max_pool2d(x1, 2))
        b = self.bott(F.max_pool2d(x2, 2))
        y = self.c2(torch.cat([self.u2(b), x2], 1))
        y = self.c1(torch.cat([self.u1(y), x1], 1))
        return torch.sigmoid(self.final(y))


def main(train_loader, epochs=25):
    device = "cuda"
    model = UNet().to(device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0], device=device))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(epochs):
        epoch_loss = 0.0
        for images, masks in train_loader:
            images = images.to(device)
            masks = masks.to(device)
            preds = model(images)
            loss = criterion(preds, masks)  # expect: LG003
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
        print(f"Epoch {epoch + 1}/{epochs} loss {epoch_loss / len(train_loader):.4f}")
    torch.save(model.state_dict(), "unet.pth")
