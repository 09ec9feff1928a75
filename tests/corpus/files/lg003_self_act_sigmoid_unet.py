"""positive [LG003]: UNet with `self.act = nn.Sigmoid()` applied at the end of forward; Dice + BCEWithLogits combined loss."""
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
    def __init__(self):
        super().__init__()
        self.down1, self.down2 = DoubleConv(3, 64), DoubleConv(64, 128)
        self.up = nn.ConvTranspose2d(128, 64, 2, stride=2)
        self.conv_up = DoubleConv(128, 64)
        self.final = nn.Conv2d(64, 1, 1)
        self.act = nn.Sigmoid()

    def forward(self, x):
        d1 = self.down1(x)
        d2 = self.down2(F.max_pool2d(d1, 2))
        u = self.conv_up(torch.cat([self.up(d2), d1], 1))
        return self.act(self.final(u))


def dice_loss(probs, target, smooth=1.0):
    num = 2 * (probs * target).sum() + smooth
    return 1 - num / (probs.sum() + target.sum() + smooth)


model = UNet().cuda()
bce = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)


def train(loader, epochs=40):
    for epoch in range(epochs):
        for img, mask in loader:
            img, mask = img.cuda(), mask.cuda()
            optimizer.zero_grad()
            pred = model(img)
            loss = bce(pred, mask) + dice_loss(pred, mask)  # expect: LG003
            loss.backward()
            optimizer.step()
