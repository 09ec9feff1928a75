"""Synthetic image datasets returning PIL images through the script's transform.

CIFAR10, STL10, ImageFolder: 10 classes, each a smooth colour pattern (8x8 upsampled) with a random
brightness and noise, as 32x32 (STL10: 96x96) RGB images; LG_EXAMPLES of them.
"""

import os

import numpy as np
import torch
from PIL import Image


class _Pictures(torch.utils.data.Dataset):
    """PIL images ``x`` with class labels ``y``, each image through the script's ``transform``."""

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        x = self.x[i]
        return (self.transform(x) if self.transform else x), int(self.y[i])


class _Images(_Pictures):
    def __init__(self, size, n, seed, transform):
        rng = np.random.default_rng(seed)
        small = np.random.default_rng(11).random((10, 8, 8, 3))
        self.y = rng.integers(0, 10, n)
        protos = [np.asarray(Image.fromarray((s * 255).astype(np.uint8)).resize((size, size), Image.BILINEAR), dtype=np.float32) for s in small]
        self.x = []
        for c in self.y:
            a = protos[c] * rng.uniform(0.6, 1.2) + rng.normal(0, 20, (size, size, 3))
            self.x.append(Image.fromarray(a.clip(0, 255).astype(np.uint8)))
        self.transform = transform


class CIFAR10(_Images):
    """A class, as torchvision's, so that a script can subclass it (leftthomas/SimCLR's CIFAR10Pair reads
    ``data``, a uint8 NHWC array, ``targets``, ``transform`` and ``target_transform``)."""

    def __init__(self, root, train=True, transform=None, target_transform=None, download=False, **kw):
        super().__init__(32, int(os.environ.get("LG_EXAMPLES", "2048")) if train else 256, 0 if train else 1, transform)
        self.data = np.stack([np.asarray(im) for im in self.x])
        self.targets = [int(c) for c in self.y]
        self.target_transform = target_transform
        self.classes = [f"class_{i}" for i in range(10)]


def STL10(root, split="train", transform=None, download=False, **kw):
    return _Images(96, int(os.environ.get("LG_EXAMPLES", "2048")), 0, transform)


class ImageFolder(_Images):
    """A folder of class sub-folders (the transfer-learning tutorial's data/cubsub/{train,val}):
    the same 10 synthetic classes as 256x256 images; LG_EXAMPLES training images, 128 for val."""

    def __init__(self, root, transform=None, **kw):
        train = os.path.basename(os.path.normpath(root)) == "train"
        super().__init__(256, int(os.environ.get("LG_EXAMPLES", "640")) if train else 128, 0 if train else 1, transform)
        self.classes = [f"class_{i}" for i in range(10)]


class _Digits(_Pictures):
    """MNIST as 28x28 grayscale PIL images: 10 prototype digits (random strokes) with noise."""

    def __init__(self, n, seed, transform):
        rng = np.random.default_rng(seed)
        protos = np.random.default_rng(7).random((10, 28, 28)) < 0.2
        self.y = rng.integers(0, 10, n)
        pixels = [((protos[c] * 0.7 + 0.3 * rng.random((28, 28))) * 255).astype(np.uint8) for c in self.y]
        self.x = [Image.fromarray(a, mode="L") for a in pixels]
        self.transform = transform
        # the attributes of older torchvision (siamese-triplet's TripletMNIST reads them);
        # LG_FAULT=random_labels: labels drawn independently of the images
        self.train = seed == 0
        labels = rng.integers(0, 10, n) if self.train and os.environ.get("LG_FAULT") == "random_labels" else self.y
        self.train_labels = self.test_labels = self.targets = torch.from_numpy(labels)
        self.train_data = self.test_data = self.data = torch.from_numpy(np.stack(pixels))


def MNIST(root, train=True, transform=None, download=False, **kw):
    return _Digits(int(os.environ.get("LG_EXAMPLES", "6400")) if train else 256, 0 if train else 1, transform)
