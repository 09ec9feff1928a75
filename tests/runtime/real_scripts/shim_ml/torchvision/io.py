"""``read_image``: a PNG as a uint8 tensor (3, H, W)."""

import numpy as np
import torch
from PIL import Image


def read_image(path):
    return torch.from_numpy(np.asarray(Image.open(path).convert("RGB")).copy()).permute(2, 0, 1).contiguous()
