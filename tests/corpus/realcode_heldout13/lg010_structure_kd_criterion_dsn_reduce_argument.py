"""positive [LG010]: the structured-distillation segmentation criterion builds its deep-supervision CrossEntropyLoss with the deprecated reduce= argument (passed through from its own reduce parameter) and adds the auxiliary head's loss at weight 0.4."""
# Source: irfanICMLL/structure_knowledge_distillation@ce208e1e5ba9177ecfc42519a2c64148d396fb71 utils/criterion.py (read as is; re-typed, identifiers renamed, cut at class boundaries to CriterionDSN, the class the distillation model builds for both student and teacher predictions; the OHEM, pixel-wise (also built with reduce=), pair-wise and adversarial criteria left out)
import torch
import torch.nn as nn
from torch.nn import functional as F


class CriterionDSN(nn.Module):
    """Two supervisions: the main head and the deep-supervision head."""

    def __init__(self, ignore_index=255, use_weight=True, reduce=True):
        super(CriterionDSN, self).__init__()
        self.ignore_index = ignore_index
        self.criterion = torch.nn.CrossEntropyLoss(ignore_index=ignore_index, reduce=reduce)  # expect: LG010
        if not reduce:
            print("disabled the reduce.")

    def forward(self, preds, target):
        h, w = target.size(1), target.size(2)
        scale_pred = F.upsample(input=preds[0], size=(h, w), mode='bilinear', align_corners=True)
        loss1 = self.criterion(scale_pred, target)
        scale_pred = F.upsample(input=preds[1], size=(h, w), mode='bilinear', align_corners=True)
        loss2 = self.criterion(scale_pred, target)
        return loss1 + loss2 * 0.4
