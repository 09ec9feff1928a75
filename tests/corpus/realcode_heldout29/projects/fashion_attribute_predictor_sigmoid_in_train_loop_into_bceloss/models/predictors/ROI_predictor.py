"""part of positive project [LG016]: the RoI attribute predictor: VGG backbone, global pooling, optional landmark RoI pooling, and the concat head, whose scores it returns unchanged."""
# Source: open-mmlab/mmfashion at 4403fba4 (the parent of deebced0, "multiple loss"), mmfashion/models/predictors/ROI_predictor.py; re-typed, identifiers renamed; BasePredictor
# (base.py, with_roi_pool and init_weights) is the repository's (not included).
import torch
import torch.nn as nn

from .base import BasePredictor
from .. import builder
from ..registry import PREDICTORS


@PREDICTORS.register_module
class RoIPredictor(BasePredictor):
    def __init__(self, backbone, global_pool, concat, roi_pool=None, pretrained=None):
        super(BasePredictor, self).__init__()
        self.backbone = builder.build_backbone(backbone)
        self.global_pool = builder.build_global_pool(global_pool)
        if roi_pool is not None:
            self.roi_pool = builder.build_roi_pool(roi_pool)
        self.concat = builder.build_concat(concat)

    def forward(self, x, landmarks=None, iuv=None):
        x = self.backbone(x)
        global_x = self.global_pool(x)
        global_x = global_x.view(global_x.size(0), -1)
        if self.with_roi_pool:
            local_x = self.roi_pool(x, landmarks)
        else:
            local_x = None
        pred = self.concat(global_x, local_x)
        return pred
