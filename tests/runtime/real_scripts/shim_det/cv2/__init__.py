"""A stand-in for OpenCV (not installed) as bubbliiiing's data loader uses it: RGB<->HSV (OpenCV's
uint8 scale, hue 0-179, through PIL), split, merge and LUT."""

import numpy as np
from PIL import Image

COLOR_RGB2HSV, COLOR_HSV2RGB, COLOR_BGR2RGB, COLOR_RGB2BGR = 41, 55, 4, 5


def cvtColor(img, code):
    a = np.asarray(img)
    if code == COLOR_RGB2HSV:
        hsv = np.asarray(Image.fromarray(a.astype(np.uint8), "RGB").convert("HSV")).copy()
        hsv[..., 0] = (hsv[..., 0].astype(np.int64) * 180 // 256).astype(np.uint8)
        return hsv
    if code == COLOR_HSV2RGB:
        hsv = a.astype(np.uint8).copy()
        hsv[..., 0] = (hsv[..., 0].astype(np.int64) * 256 // 180).clip(0, 255).astype(np.uint8)
        return np.asarray(Image.fromarray(hsv, "HSV").convert("RGB"))
    if code in (COLOR_BGR2RGB, COLOR_RGB2BGR):
        return a[..., ::-1].copy()
    raise NotImplementedError(code)


def split(img):
    return tuple(img[..., i] for i in range(img.shape[-1]))


def merge(channels):
    return np.stack(channels, axis=-1)


def LUT(img, lut):
    return np.asarray(lut)[img]
