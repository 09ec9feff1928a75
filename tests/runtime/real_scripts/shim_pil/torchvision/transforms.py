"""Transforms on PIL images and CHW float tensors (what the scripts' pipelines need)."""

import random

import numpy as np
import torch
from PIL import Image, ImageEnhance


class Compose:
    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, x):
        for t in self.transforms:
            x = t(x)
        return x


class ToTensor:
    def __call__(self, img):
        if isinstance(img, torch.Tensor):
            return img
        a = np.asarray(img, dtype=np.float32) / 255.0
        if a.ndim == 2:
            a = a[:, :, None]
        return torch.from_numpy(a.transpose(2, 0, 1).copy())


class ToPILImage:
    def __call__(self, t):
        a = (t.detach().clamp(0, 1).permute(1, 2, 0).numpy() * 255).round().astype(np.uint8)
        return Image.fromarray(a)


class Normalize:
    def __init__(self, mean, std):
        self.mean = torch.tensor(mean).view(-1, 1, 1)
        self.std = torch.tensor(std).view(-1, 1, 1)

    def __call__(self, t):
        return (t - self.mean) / self.std


class Resize:
    def __init__(self, size, interpolation=Image.BILINEAR):
        self.size, self.interpolation = size, interpolation

    def __call__(self, img):
        if isinstance(self.size, int):
            w, h = img.size
            s = self.size / min(w, h)
            return img.resize((max(1, round(w * s)), max(1, round(h * s))), self.interpolation)
        return img.resize((self.size[1], self.size[0]), self.interpolation)


class RandomCrop:
    def __init__(self, size):
        self.size = (size, size) if isinstance(size, int) else tuple(size)

    def __call__(self, img):
        h, w = self.size
        x, y = random.randint(0, img.size[0] - w), random.randint(0, img.size[1] - h)
        return img.crop((x, y, x + w, y + h))


class RandomResizedCrop:
    def __init__(self, size, scale=(0.08, 1.0), ratio=(3 / 4, 4 / 3)):
        self.size = (size, size) if isinstance(size, int) else tuple(size)
        self.scale, self.ratio = scale, ratio

    def __call__(self, img):
        W, H = img.size
        for _ in range(10):
            area = W * H * random.uniform(*self.scale)
            r = np.exp(random.uniform(np.log(self.ratio[0]), np.log(self.ratio[1])))
            w, h = int(round((area * r) ** 0.5)), int(round((area / r) ** 0.5))
            if 0 < w <= W and 0 < h <= H:
                x, y = random.randint(0, W - w), random.randint(0, H - h)
                return img.crop((x, y, x + w, y + h)).resize((self.size[1], self.size[0]), Image.BILINEAR)
        return img.resize((self.size[1], self.size[0]), Image.BILINEAR)


class RandomHorizontalFlip:
    def __init__(self, p=0.5):
        self.p = p

    def __call__(self, img):
        return img.transpose(Image.FLIP_LEFT_RIGHT) if random.random() < self.p else img


class ColorJitter:
    def __init__(self, brightness=0, contrast=0, saturation=0, hue=0):
        self.factors = [(ImageEnhance.Brightness, brightness), (ImageEnhance.Contrast, contrast), (ImageEnhance.Color, saturation)]

    def __call__(self, img):
        for enhance, f in random.sample(self.factors, len(self.factors)):
            if f:
                img = enhance(img).enhance(random.uniform(max(0.0, 1 - f), 1 + f))
        return img


class RandomApply:
    def __init__(self, transforms, p=0.5):
        self.transforms, self.p = transforms, p

    def __call__(self, img):
        if random.random() < self.p:
            for t in self.transforms:
                img = t(img)
        return img


class RandomGrayscale:
    def __init__(self, p=0.1):
        self.p = p

    def __call__(self, img):
        return img.convert("L").convert("RGB") if random.random() < self.p else img


class CenterCrop:
    def __init__(self, size):
        self.size = (size, size) if isinstance(size, int) else tuple(size)

    def __call__(self, img):
        h, w = self.size
        x, y = (img.size[0] - w) // 2, (img.size[1] - h) // 2
        return img.crop((x, y, x + w, y + h))


class Lambda:
    def __init__(self, fn):
        self.fn = fn

    def __call__(self, x):
        return self.fn(x)


# torchvision.transforms.transforms (SimCLR imports it so)
transforms = __import__("sys").modules[__name__]
