"""Synthetic MNIST (prototype digits + noise, learnable labels), CIFAR10 (prototype colour images
+ noise) and FakeData, sized by LG_EXAMPLES.

LG_FAULT=random_labels draws the labels independently of the images (a broken pipeline);
LG_FAULT=nan_batch puts a NaN into the image at index LG_NAN_AT of the training set.
"""

import os

import torch


class _Tensors(torch.utils.data.Dataset):
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def _mnist(train, normalise):
    g = torch.Generator().manual_seed(0 if train else 1)
    n = int(os.environ.get("LG_EXAMPLES", "6400")) if train else 256
    protos = (torch.rand(10, 1, 28, 28, generator=torch.Generator().manual_seed(7)) < 0.2).float()
    y = torch.randint(0, 10, (n,), generator=g)
    x = (protos[y] + 0.3 * torch.rand(n, 1, 28, 28, generator=g)).clamp(0, 1)
    raw = (255 * x[:, 0]).round().to(torch.uint8)
    if normalise:
        x = (x - 0.1307) / 0.3081
    if train and os.environ.get("LG_FAULT") == "random_labels":
        y = torch.randint(0, 10, (n,), generator=g)
    if train and os.environ.get("LG_FAULT") == "nan_batch":
        x[int(os.environ.get("LG_NAN_AT", "3200")), 0, 5, 5] = float("nan")
    out = _Tensors(x, y)
    # torchvision's MNIST also has the raw images and labels as tensors (siamese_network reads them)
    out.data, out.targets = raw, y
    return out


def MNIST(root, train=True, download=False, transform=None):
    # pytorch/examples mnist normalises (Normalize((0.1307,), (0.3081,))); vae feeds [0, 1] to BCE
    return _mnist(train, os.environ.get("LG_SCRIPT") == "mnist")


def FakeData(size=1000, image_size=(3, 64, 64), num_classes=10, transform=None):
    n = int(os.environ.get("LG_EXAMPLES", "6400"))
    g = torch.Generator().manual_seed(0)
    # blurry colour blobs in [-1, 1] (dcgan's Normalize): something a generator can learn
    base = torch.rand(n, 3, 1, 1, generator=g) * 2 - 1
    x = (base + 0.3 * torch.randn(n, *image_size, generator=g)).clamp(-1, 1)
    if os.environ.get("LG_FAULT") == "nan_batch":
        x[int(os.environ.get("LG_NAN_AT", "3200")), 0, 5, 5] = float("nan")
    return _Tensors(x, torch.zeros(n, dtype=torch.long))


def CIFAR10(root, train=True, download=False, transform=None):
    """10 classes of 3x32x32 images: a smooth colour prototype per class (8x8 upsampled), a random
    brightness and noise, after CIFAR's Normalize (about zero mean, unit spread)."""
    g = torch.Generator().manual_seed(0 if train else 1)
    n = int(os.environ.get("LG_EXAMPLES", "6400")) if train else 256
    small = torch.rand(10, 3, 8, 8, generator=torch.Generator().manual_seed(11))
    protos = torch.nn.functional.interpolate(small, size=(32, 32), mode="bilinear", align_corners=False)
    y = torch.randint(0, 10, (n,), generator=g)
    x = protos[y] * (0.6 + 0.8 * torch.rand(n, 1, 1, 1, generator=g)) + 0.5 * torch.rand(n, 3, 32, 32, generator=g)
    x = (x - x.mean()) / x.std()
    if train and os.environ.get("LG_FAULT") == "random_labels":
        y = torch.randint(0, 10, (n,), generator=g)
    if train and os.environ.get("LG_FAULT") == "nan_batch":
        x[int(os.environ.get("LG_NAN_AT", "3200")), 0, 5, 5] = float("nan")
    return _Tensors(x, y)
