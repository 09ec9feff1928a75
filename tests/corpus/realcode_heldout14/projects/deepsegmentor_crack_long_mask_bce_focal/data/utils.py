"""part of positive project [LG004, LG010]: the mask transform turns the binarised label image into an int64 tensor."""
# Source: yhlleo/DeepSegmentor at the parent of aeb1281 (pull request #7 "Fixed error of data type mismatch in loss function",
# which adds self.label = self.label.float()), data/utils.py; re-typed, identifiers renamed; the affine helpers cut.
import random

import torch


class MaskAsTensor(object):
    def __call__(self, img):
        return torch.from_numpy(img).long()


def sample_affine(angle_scope=45, scale_scope=0.2, shift_scope=32):
    angle = random.uniform(-angle_scope, angle_scope)
    scale = random.uniform(1 - scale_scope, 1 + scale_scope)
    shift = random.uniform(-shift_scope, shift_scope)
    return angle, scale, shift
