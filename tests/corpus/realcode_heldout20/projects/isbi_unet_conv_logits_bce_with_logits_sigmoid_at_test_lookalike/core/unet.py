"""part of look-alike project [LG003, LG016, LG004, LG006]: a course UNet whose classifier is a plain Conv2d (one logit map per class); its self-test applies softmax only to look at the output shape."""
# Source: OFRIN/PyTorch_Tutorials at e050a416 (read as is), "4. Semantic Segmentation/4.3. UNet/core/unet.py";
# re-typed, identifiers renamed; the size comments cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


class DoubleConv(nn.Module):
    def __init__(self, cin, cmid, cout):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(cin, cmid, kernel_size=3, stride=1, padding=1), nn.BatchNorm2d(cmid), nn.ReLU(inplace=True),
            nn.Conv2d(cmid, cout, kernel_size=3, stride=1, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        )

    def forward(self, x):
        return self.body(x)


class Down(nn.Module):
    def __init__(self, cin, cmid, cout):
        super().__init__()
        self.body = nn.Sequential(nn.MaxPool2d(kernel_size=2, stride=2), DoubleConv(cin, cmid, cout))

    def forward(self, x):
        return self.body(x)


class Up(nn.Module):
    def __init__(self, cin, cmid, cout):
        super().__init__()
        self.up = nn.Sequential(nn.ConvTranspose2d(cin, cin // 2, kernel_size=2, stride=2), nn.BatchNorm2d(cout),
                                nn.ReLU(inplace=True))
        self.conv = DoubleConv(cin, cmid, cout)

    def forward(self, x1, x2):
        x1 = self.up(x1)
        return self.conv(torch.cat([x1, x2], dim=1))


class UNet(nn.Module):
    def __init__(self, image_channels, classes, base_features=64):
        super().__init__()
        b = base_features
        self.stem = DoubleConv(image_channels, b, b)
        self.d1, self.d2, self.d3, self.d4 = Down(b, b * 2, b * 2), Down(b * 2, b * 4, b * 4), \
            Down(b * 4, b * 8, b * 8), Down(b * 8, b * 16, b * 16)
        self.u1, self.u2, self.u3, self.u4 = Up(b * 16, b * 8, b * 8), Up(b * 8, b * 4, b * 4), \
            Up(b * 4, b * 2, b * 2), Up(b * 2, b, b)
        self.classifier = nn.Conv2d(b, classes, kernel_size=3, stride=1, padding=1)

    def forward(self, images):
        x1 = self.stem(images)
        x2 = self.d1(x1)
        x3 = self.d2(x2)
        x4 = self.d3(x3)
        x = self.d4(x4)
        x = self.u1(x, x4)
        x = self.u2(x, x3)
        x = self.u3(x, x2)
        x = self.u4(x, x1)
        return self.classifier(x)


if __name__ == '__main__':
    import numpy as np
    imgs = torch.from_numpy(np.zeros((8, 1, 224, 224), dtype=np.float32))
    net = UNet(1, 2)
    preds = F.softmax(net(imgs), dim=1)
    print(imgs.size(), preds.size())
