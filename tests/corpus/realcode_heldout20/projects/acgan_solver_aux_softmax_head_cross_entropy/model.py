"""part of positive project [LG001, LG011]: the ACGAN discriminator's auxiliary head is nn.Sequential(Linear, nn.Softmax()) (no dim) and forward returns its probabilities next to the validity score; train.py scores them with CrossEntropyLoss."""
# Source: inhopp/ACGAN at 81d909e8 (read as is), model.py; re-typed, identifiers renamed; the generator's
# convolution stack shortened.
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, channels=1, img_size=32, n_classes=10):
        super(Generator, self).__init__()
        self.cls_emb = nn.Embedding(n_classes, n_classes)
        self.base = img_size // 4
        self.fc = nn.Sequential(nn.Linear(100 + n_classes, 128 * self.base ** 2))
        self.up = nn.Sequential(
            nn.BatchNorm2d(128),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(128, 64, 3, stride=1, padding=1),
            nn.BatchNorm2d(64, 0.8),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Upsample(scale_factor=2),
            nn.Conv2d(64, channels, 3, stride=1, padding=1),
            nn.Tanh(),
        )

    def forward(self, z, labels):
        h = torch.cat((self.cls_emb(labels), z), -1)
        h = self.fc(h)
        h = h.view(h.shape[0], 128, self.base, self.base)
        return self.up(h)


class Discriminator(nn.Module):
    def __init__(self, channels=1, img_size=32, n_classes=10):
        super(Discriminator, self).__init__()

        def down(cin, cout, bn=True):
            layers = [nn.Conv2d(cin, cout, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True), nn.Dropout2d(0.25)]
            if bn:
                layers.append(nn.BatchNorm2d(cout, 0.8))
            return layers

        self.features = nn.Sequential(
            *down(channels, 16, bn=False),
            *down(16, 32),
            *down(32, 64),
            *down(64, 128),
        )
        side = img_size // 2 ** 4
        self.real_fake = nn.Sequential(nn.Linear(128 * side ** 2, 1), nn.Sigmoid())
        self.classes = nn.Sequential(nn.Linear(128 * side ** 2, n_classes), nn.Softmax())  # expect: LG011

    def forward(self, img):
        h = self.features(img)
        h = h.view(h.shape[0], -1)
        validity = self.real_fake(h)
        cls = self.classes(h)
        return validity, cls
