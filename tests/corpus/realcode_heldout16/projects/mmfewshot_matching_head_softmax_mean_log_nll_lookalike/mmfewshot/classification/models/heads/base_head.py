"""part of look-alike project [LG007, LG001, LG011]: the base few-shot head builds its criterion from the loss config and calls it on the head's scores."""
# Source: open-mmlab/mmfewshot at af4fad5, mmfewshot/classification/models/heads/base_head.py; re-typed, identifiers
# renamed; the accuracy bookkeeping and abstract methods cut.
from typing import Dict

from mmcls.models.builder import build_loss
from mmcv.runner import BaseModule
from torch import Tensor


class BaseFewShotHead(BaseModule):
    def __init__(self, loss: Dict = dict(type='CrossEntropyLoss', loss_weight=1.0), topk=(1, ), init_cfg=None):
        super().__init__(init_cfg=init_cfg)
        assert isinstance(loss, dict)
        self.topk = topk
        self.compute_loss = build_loss(loss)

    def loss(self, cls_score: Tensor, gt_label: Tensor) -> Dict:
        n = len(cls_score)
        losses = dict()
        losses['loss'] = self.compute_loss(cls_score, gt_label, avg_factor=n)
        return losses
