"""part of positive project [LG003]: the RESA trainer runs the network it is given and feeds output['exist'] to BCEWithLogitsLoss."""
# Source: https://github.com/ZJULearning/resa runner/resa_trainer.py at 2d4e6312673eedd41ace54166686f4f2e70b50a3; re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F

from runner.registry import TRAINER


@TRAINER.register_module
class RESA(nn.Module):
    def __init__(self, cfg):
        super(RESA, self).__init__()
        self.cfg = cfg
        weights = torch.ones(cfg.num_classes)
        weights[0] = cfg.bg_weight
        self.criterion = torch.nn.NLLLoss(ignore_index=self.cfg.ignore_label, weight=weights)
        self.criterion_exist = torch.nn.BCEWithLogitsLoss()

    def forward(self, net, batch):
        output = net(batch["img"])
        loss_stats = {}
        loss = 0.0
        seg_loss = self.criterion(F.log_softmax(output["seg"], dim=1), batch["label"].long())
        loss += seg_loss * self.cfg.seg_loss_weight
        loss_stats.update({"seg_loss": seg_loss})
        if "exist" in output:
            exist_loss = 0.1 * self.criterion_exist(output["exist"], batch["exist"].float())  # expect: LG003
            loss += exist_loss
            loss_stats.update({"exist_loss": exist_loss})
        return {"loss": loss, "loss_stats": loss_stats}
