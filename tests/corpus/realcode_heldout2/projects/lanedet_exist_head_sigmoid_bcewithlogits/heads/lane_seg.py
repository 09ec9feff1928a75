"""part of positive project [LG003]: LaneSeg builds its decoder and exist head from the config registry, merges their output dicts, and its loss feeds output['exist'] to BCEWithLogitsLoss."""
# Source: https://github.com/Turoad/lanedet lanedet/models/heads/lane_seg.py at
# 35665fc9dd8d80df207fa86d2152f9f48618ffe7 (issue #32); re-typed, names changed, reduced.
import torch
import torch.nn.functional as F
from torch import nn

from ..registry import HEADS, build_head


@HEADS.register_module
class LaneSeg(nn.Module):
    def __init__(self, decoder, exist=None, thr=0.6, sample_y=None, cfg=None):
        super(LaneSeg, self).__init__()
        self.cfg = cfg
        self.thr = thr
        self.sample_y = sample_y
        self.decoder = build_head(decoder, cfg)
        self.exist = build_head(exist, cfg) if exist else None

    def loss(self, output, batch):
        weights = torch.ones(self.cfg.num_classes)
        weights[0] = self.cfg.bg_weight
        criterion = torch.nn.NLLLoss(ignore_index=self.cfg.ignore_label, weight=weights)
        criterion_exist = torch.nn.BCEWithLogitsLoss()
        loss = 0.0
        loss_stats = {}
        seg_loss = criterion(F.log_softmax(output["seg"], dim=1), batch["mask"].long())
        loss += seg_loss
        loss_stats.update({"seg_loss": seg_loss})
        if "exist" in output:
            exist_loss = 0.1 * criterion_exist(output["exist"], batch["lane_exist"].float())  # expect: LG003
            loss += exist_loss
            loss_stats.update({"exist_loss": exist_loss})
        return {"loss": loss, "loss_stats": loss_stats}

    def forward(self, x, **kwargs):
        output = {}
        x = x[-1]
        output.update(self.decoder(x))
        if self.exist:
            output.update(self.exist(x))
        return output
