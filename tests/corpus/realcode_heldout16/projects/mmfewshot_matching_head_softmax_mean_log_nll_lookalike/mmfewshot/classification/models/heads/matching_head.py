"""part of look-alike project [LG007, LG001, LG011]: the MatchingNet head softmaxes the scaled cosine similarities (dim=-1), averages them per class and takes .log() before the configured NLLLoss; the query-time prediction softmaxes again only for the returned probabilities."""
# Source: open-mmlab/mmfewshot at af4fad5 (read as is), mmfewshot/classification/models/heads/matching_head.py;
# re-typed, identifiers renamed; docstrings cut.
from typing import Dict, List

import torch
import torch.nn.functional as F
from mmcls.models.builder import HEADS
from torch import Tensor

from mmfewshot.classification.datasets import label_wrapper
from .base_head import BaseFewShotHead


@HEADS.register_module()
class MatchingHead(BaseFewShotHead):
    def __init__(self, temperature: float = 100, loss: Dict = dict(type='NLLLoss', loss_weight=1.0), *args, **kwargs):
        super().__init__(loss=loss, *args, **kwargs)
        self.temperature = temperature
        self.support_feats_list = []
        self.support_labels_list = []
        self.support_feats = None
        self.support_labels = None
        self.class_ids = None

    def forward_train(self, support_feats: Tensor, support_labels: Tensor, query_feats: Tensor, query_labels: Tensor,
                      **kwargs) -> Dict:
        class_ids = torch.unique(support_labels).cpu().tolist()
        sim = torch.mm(F.normalize(query_feats), F.normalize(support_feats).transpose(0, 1))
        attn = F.softmax(sim * self.temperature, dim=-1)
        per_class = torch.cat([attn[:, support_labels == c].mean(1, keepdim=True) for c in class_ids], dim=1).log()
        query_labels = label_wrapper(query_labels, class_ids)
        return self.loss(per_class, query_labels)

    def forward_support(self, x: Tensor, gt_label: Tensor, **kwargs) -> None:
        self.support_feats_list.append(x)
        self.support_labels_list.append(gt_label)

    def forward_query(self, x: Tensor, **kwargs) -> List:
        sim = torch.mm(F.normalize(x), F.normalize(self.support_feats).transpose(0, 1))
        attn = F.softmax(sim * self.temperature, dim=-1)
        per_class = torch.cat([attn[:, self.support_labels == c].mean(1, keepdim=True) for c in self.class_ids], dim=1)
        probs = F.softmax(per_class, dim=1)
        return list(probs.detach().cpu().numpy())

    def before_forward_support(self) -> None:
        self.support_feats_list.clear()
        self.support_labels_list.clear()
        self.support_feats = None
        self.support_labels = None
        self.class_ids = None

    def before_forward_query(self) -> None:
        self.support_feats = torch.cat(self.support_feats_list, dim=0)
        self.support_labels = torch.cat(self.support_labels_list, dim=0)
        self.class_ids = torch.unique(self.support_labels).cpu().tolist()
