"""part of look-alike project [LG001, LG006, LG013]: the label transform turns a PIL mask into a squeezed torch.long tensor of class indices."""
# Source: davidtvs/PyTorch-ENet@e17d404e2f649a3476eabe39f8a05e5eb77c55fd transforms.py (read as is; re-typed, identifiers renamed, the colour-conversion transform left out)
import numpy as np
import torch
from PIL import Image


class MaskToLong(object):

    def __call__(self, pic):
        if not isinstance(pic, Image.Image):
            raise TypeError("pic should be PIL Image. Got {}".format(type(pic)))
        if isinstance(pic, np.ndarray):
            img = torch.from_numpy(pic.transpose((2, 0, 1)))
            return img.long()
        img = torch.ByteTensor(torch.ByteStorage.from_buffer(pic.tobytes()))
        nchannel = len(pic.mode)
        img = img.view(pic.size[1], pic.size[0], nchannel)
        return img.transpose(0, 1).transpose(0, 2).contiguous().long().squeeze_()
