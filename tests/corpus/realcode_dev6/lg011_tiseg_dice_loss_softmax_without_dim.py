"""positive [LG011]: the dice losses apply F.softmax to 4-D logits without dim; torch picks dim=1 for a 4-D input today but warns, and the choice depends on the rank."""
# Source: clownrat6/Tissue-Image-Segmentation@ca4a3a31ac (the parent of f183ce4, "fix softmax bugs.", which passes dim=1) tiseg/models/losses/dice_loss.py (re-typed; names kept)
import torch
import torch.nn as nn
import torch.nn.functional as F


def _convert_to_one_hot(tensor, bins, on_value=1, off_value=0):
    assert tensor.ndim == 3
    assert on_value != off_value
    tensor_one_hot = F.one_hot(tensor, bins)
    return tensor_one_hot * on_value + (tensor_one_hot == 0) * off_value


class GeneralizedDiceLoss(nn.Module):
    def __init__(self, num_classes):
        super(GeneralizedDiceLoss, self).__init__()
        self.num_classes = num_classes

    def forward(self, logit, target, smooth=1e-4, spatial_weight=None, channel_weight=None):
        target_one_hot = _convert_to_one_hot(target, self.num_classes).permute(0, 3, 1, 2).contiguous()
        # softmax for logit
        logit = F.softmax(logit)  # expect: LG011
        if spatial_weight is not None:
            logit *= spatial_weight
            target_one_hot *= spatial_weight
        intersect = torch.sum(logit * target_one_hot, dim=(0, 2, 3))
        addition_area = torch.sum(logit, dim=(0, 2, 3)) + torch.sum(target_one_hot, dim=(0, 2, 3))
        if channel_weight is not None:
            intersect *= channel_weight
            addition_area *= channel_weight
        dice = (2 * intersect + smooth) / (addition_area + smooth)
        return 1 - torch.mean(dice)


class DiceLoss(nn.Module):
    def __init__(self, num_classes):
        super(DiceLoss, self).__init__()
        self.num_classes = num_classes

    def forward(self, logit, target):
        target_one_hot = _convert_to_one_hot(target, self.num_classes).permute(0, 3, 1, 2).contiguous()
        smooth = 1e-4
        # softmax for logit
        logit = F.softmax(logit)  # expect: LG011
        intersect = torch.sum(logit * target_one_hot, dim=(0, 2, 3))
        logit_area = torch.sum(logit, dim=(0, 2, 3))
        target_area = torch.sum(target_one_hot, dim=(0, 2, 3))
        dice = (2 * intersect + smooth) / (logit_area + target_area + smooth)
        return 1 - torch.mean(dice)
