"""positive [LG002]: binary road-segmentation net ends in a 1x1 Conv2d; its raw output goes to F.binary_cross_entropy."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
    )


class TinySegNet(nn.Module):
    def __init__(self, in_ch=3, base=32):
        super().__init__()
        self.enc1 = conv_block(in_ch, base)
        self.enc2 = conv_block(base, base * 2)
        self.pool = nn.MaxPool2d(2)
        self.up = nn.ConvTranspose2d(base * 2, base, 2, stride=2)
        self.dec = conv_block(base * 2, base)
        self.out = nn.Conv2d(base, 1, kernel_size=1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(self.pool(e1))
        d = self.up(e2)
        d = self.dec(torch.cat([d, e1], dim=1))
        return self.out(d)


def dice_score(pred, target, eps=1e-6):
    pred = (pred > 0.5).float()
    inter = (pred * target).sum()
    return (2 * inter + eps) / (pred.sum() + target.sum() + eps)


def train(loader, epochs=40, device="cuda"):
    net = TinySegNet().to(device)
    opt = torch.optim.Adam(net.parameters(), lr=3e-4)
    for ep in range(epochs):
        net.train()
        for img, mask in loader:
            img, mask = img.to(device), mask.to(device).float()
            pred = net(img)
            loss = F.binary_cross_entropy(pred, mask)  # expect: LG002
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(ep, loss.item(), dice_score(pred.detach(), mask).item())


if __name__ == "__main__":
    print(TinySegNet()(torch.randn(1, 3, 64, 64)).shape)
