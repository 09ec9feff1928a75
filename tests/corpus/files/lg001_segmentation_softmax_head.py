"""positive [LG001]: segmentation net ends in torch.softmax over the class axis, fed to CrossEntropyLoss(ignore_index=255)."""
import torch
import torch.nn as nn


def conv_block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
    )


class TinyUNet(nn.Module):
    def __init__(self, n_classes=21):
        super().__init__()
        self.enc1 = conv_block(3, 32)
        self.enc2 = conv_block(32, 64)
        self.pool = nn.MaxPool2d(2)
        self.up = nn.ConvTranspose2d(64, 32, 2, stride=2)
        self.dec1 = conv_block(64, 32)
        self.head = nn.Conv2d(32, n_classes, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(self.pool(e1))
        d1 = self.dec1(torch.cat([self.up(e2), e1], dim=1))
        out = self.head(d1)
        return torch.softmax(out, dim=1)


def train(model, loader, epochs=50, device="cuda"):
    criterion = nn.CrossEntropyLoss(ignore_index=255)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    model.to(device)
    for epoch in range(epochs):
        model.train()
        for img, mask in loader:
            img, mask = img.to(device), mask.to(device).long()
            pred = model(img)
            loss = criterion(pred, mask)  # expect: LG001
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch} last loss {loss.item():.4f}")
