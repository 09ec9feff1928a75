"""positive [LG010]: a CenterNet regression loss of a Lightning port calls F.l1_loss with the deprecated size_average=False before dividing by the mask."""

# Source: tteepe/CenterNet-pytorch-lightning@2febb56 CenterNet/utils/losses.py (re-typed, renamed, cut to the loss)
import torch.nn as nn
import torch.nn.functional as F


def gather_at(feat, ind):
    feat = feat.permute(0, 2, 3, 1).contiguous()
    feat = feat.view(feat.size(0), -1, feat.size(3))
    ind = ind.unsqueeze(2).expand(ind.size(0), ind.size(1), feat.size(2))
    return feat.gather(1, ind)


class NormalisedL1(nn.Module):
    def forward(self, output, mask, ind, target):
        pred = gather_at(output, ind)
        mask = mask.unsqueeze(2).expand_as(pred).float()
        pred = pred / (target + 1e-4)
        target = target * 0 + 1
        loss = F.l1_loss(pred * mask, target * mask, size_average=False)  # expect: LG010
        return loss / (mask.sum() + 1e-4)
