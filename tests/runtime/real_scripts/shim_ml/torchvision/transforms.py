"""Tensor-side transforms, each on a (C, H, W) tensor as torchvision's are: ``Compose``, ``RandomResizedCrop``,
``RandomHorizontalFlip``, ``RandomRotation``, ``ColorJitter`` (brightness, contrast, saturation; hue ignored),
``Normalize``, ``RandomErasing`` (zeros, torchvision's default), ``Resize``, ``ToTensor`` and ``functional.resize``.
Random draws from torch's generator (the script seeds it)."""

import math
from types import SimpleNamespace

import torch
import torch.nn.functional as F


def _resize(img, size):
    x = img.float() if not img.is_floating_point() else img
    out = F.interpolate(x[None], size=tuple(size), mode="bilinear", align_corners=False)[0]
    return out.round().clamp(0, 255).to(img.dtype) if not img.is_floating_point() else out


functional = SimpleNamespace(resize=_resize)


def _u():
    return float(torch.rand(()))


class Compose:
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, x):
        for t in self.transforms:
            x = t(x)
        return x


class Resize:
    def __init__(self, size):
        self.size = size

    def __call__(self, x):
        return _resize(x, self.size)


class ToTensor:
    def __call__(self, x):
        return x.float() / 255 if not x.is_floating_point() else x


class RandomResizedCrop:
    def __init__(self, size, scale=(0.08, 1.0), ratio=(3 / 4, 4 / 3)):
        self.size, self.scale, self.ratio = size, scale, ratio

    def __call__(self, x):
        _, h, w = x.shape
        area = h * w * (self.scale[0] + _u() * (self.scale[1] - self.scale[0]))
        r = math.exp(math.log(self.ratio[0]) + _u() * (math.log(self.ratio[1]) - math.log(self.ratio[0])))
        cw, ch = min(w, int(round(math.sqrt(area * r)))), min(h, int(round(math.sqrt(area / r))))
        i, j = int(_u() * (h - ch + 1)), int(_u() * (w - cw + 1))
        return _resize(x[:, i : i + ch, j : j + cw], (self.size, self.size))


class RandomHorizontalFlip:
    def __init__(self, p=0.5):
        self.p = p

    def __call__(self, x):
        return x.flip(-1) if _u() < self.p else x


class RandomRotation:
    def __init__(self, degrees):
        self.degrees = degrees

    def __call__(self, x):
        a = math.radians((2 * _u() - 1) * self.degrees)
        theta = torch.tensor([[math.cos(a), -math.sin(a), 0.0], [math.sin(a), math.cos(a), 0.0]], dtype=x.dtype)
        grid = F.affine_grid(theta[None], [1, *x.shape], align_corners=False)
        return F.grid_sample(x[None], grid, align_corners=False)[0]


class ColorJitter:
    def __init__(self, brightness=0, contrast=0, saturation=0, hue=0):
        self.b, self.c, self.s = brightness, contrast, saturation

    def __call__(self, x):
        x = x * (1 + (2 * _u() - 1) * self.b)
        mean = x.mean()
        x = (x - mean) * (1 + (2 * _u() - 1) * self.c) + mean
        grey = x.mean(0, keepdim=True)
        return ((x - grey) * (1 + (2 * _u() - 1) * self.s) + grey).clamp(0, 1)


class Normalize:
    def __init__(self, mean, std):
        self.mean, self.std = torch.tensor(mean)[:, None, None], torch.tensor(std)[:, None, None]

    def __call__(self, x):
        return (x - self.mean) / self.std


class RandomErasing:
    def __init__(self, p=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3)):
        self.p, self.scale, self.ratio = p, scale, ratio

    def __call__(self, x):
        if _u() >= self.p:
            return x
        _, h, w = x.shape
        area = h * w * (self.scale[0] + _u() * (self.scale[1] - self.scale[0]))
        r = math.exp(math.log(self.ratio[0]) + _u() * (math.log(self.ratio[1]) - math.log(self.ratio[0])))
        eh, ew = min(h, int(round(math.sqrt(area * r)))), min(w, int(round(math.sqrt(area / r))))
        i, j = int(_u() * (h - eh + 1)), int(_u() * (w - ew + 1))
        x = x.clone()
        x[:, i : i + eh, j : j + ew] = 0
        return x
