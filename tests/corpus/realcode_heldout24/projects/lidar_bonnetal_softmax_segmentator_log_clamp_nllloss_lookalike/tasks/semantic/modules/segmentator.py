"""part of look-alike project [LG001, LG006, LG007, LG015]: the LiDAR range-image segmentator loads backbone and decoder modules by name from the config, applies a head and returns F.softmax(y, dim=1) class probabilities (refined by an optional CRF)."""
# Source: PRBonn/lidar-bonnetal at 99b827f0 (read as is), train/tasks/semantic/modules/segmentator.py;
# re-typed, identifiers renamed; weight loading and checkpoint saving cut, the head and CRF construction shortened.
import imp

import torch
import torch.nn as nn
import torch.nn.functional as F

import __init__ as booger
from tasks.semantic.postproc.CRF import CRF


class RangeSegmentator(nn.Module):
    def __init__(self, ARCH, nclasses, path=None, path_append="", strict=False):
        super().__init__()
        self.ARCH = ARCH
        self.nclasses = nclasses
        self.path = path
        bbone_module = imp.load_source("bboneModule", booger.TRAIN_PATH + '/backbones/' +
                                       self.ARCH["backbone"]["name"] + '.py')
        self.backbone = bbone_module.Backbone(params=self.ARCH["backbone"])
        decoder_module = imp.load_source("decoderModule", booger.TRAIN_PATH + '/tasks/semantic/decoders/' +
                                         self.ARCH["decoder"]["name"] + '.py')
        self.decoder = decoder_module.Decoder(params=self.ARCH["decoder"],
                                              stub_skips=None,
                                              OS=self.ARCH["backbone"]["OS"],
                                              feature_depth=self.backbone.get_last_depth())
        self.head = nn.Sequential(nn.Dropout2d(p=ARCH["head"]["dropout"]),
                                  nn.Conv2d(self.decoder.get_last_depth(), self.nclasses, kernel_size=3, stride=1,
                                            padding=1))
        if self.ARCH["post"]["CRF"]["use"]:
            self.CRF = CRF(self.ARCH["post"]["CRF"]["params"], self.nclasses)
        else:
            self.CRF = None

    def forward(self, x, mask=None):
        y, skips = self.backbone(x)
        y = self.decoder(y, skips)
        y = self.head(y)
        y = F.softmax(y, dim=1)
        if self.CRF:
            assert (mask is not None)
            y = self.CRF(x, y, mask)
        return y
