"""positive [LG001, LG011]: PixelDA's task classifier ends in nn.Sequential(nn.Linear, nn.Softmax()); task_loss = nn.CrossEntropyLoss() is applied to it twice on one line (translated and source images), inside `opt`-configured module-level code."""
# Source: https://github.com/eriklindernoren/PyTorch-GAN implementations/pixelda/pixelda.py at
# 36d3c77e5ff20ebe0aeefd322326a134a279b93e (found by this survey); re-typed, names changed, reduced.
import argparse

import torch
import torch.nn as nn

parser = argparse.ArgumentParser()
parser.add_argument("--n_classes", type=int, default=10)
parser.add_argument("--img_size", type=int, default=32)
parser.add_argument("--channels", type=int, default=3)
opt = parser.parse_args()


class Classifier(nn.Module):
    def __init__(self):
        super(Classifier, self).__init__()

        def block(in_features, out_features, normalization=True):
            layers = [nn.Conv2d(in_features, out_features, 3, stride=2, padding=1), nn.LeakyReLU(0.2, inplace=True)]
            if normalization:
                layers.append(nn.InstanceNorm2d(out_features))
            return layers

        self.model = nn.Sequential(*block(opt.channels, 64, normalization=False), *block(64, 128), *block(128, 256), *block(256, 512))
        input_size = opt.img_size // 2 ** 4
        self.output_layer = nn.Sequential(nn.Linear(512 * input_size ** 2, opt.n_classes), nn.Softmax())  # expect: LG011

    def forward(self, img):
        feature_repr = self.model(img)
        feature_repr = feature_repr.view(feature_repr.size(0), -1)
        label = self.output_layer(feature_repr)
        return label


task_loss = torch.nn.CrossEntropyLoss()
classifier = Classifier()
optimizer_G = torch.optim.Adam(classifier.parameters(), lr=0.0002, betas=(0.5, 0.999))

for epoch in range(200):
    for i, ((imgs_A, labels_A), (imgs_B, _)) in enumerate(zip([], [])):
        optimizer_G.zero_grad()
        fake_B = imgs_A * 0.5
        label_pred = classifier(fake_B)
        task_loss_ = (task_loss(label_pred, labels_A) + task_loss(classifier(imgs_A), labels_A)) / 2  # expect: LG001
        task_loss_.backward()
        optimizer_G.step()
