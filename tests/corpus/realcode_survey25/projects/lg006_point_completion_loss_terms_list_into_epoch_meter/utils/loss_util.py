"""part of positive project [LG006]: the completion loss adds up chamfer distances of every stage and returns the total with the terms packed in a list."""

# Source: AllenXiangX/SnowflakeNet@0880ba1 completion/utils/loss_util.py (re-typed, renamed, cut to the chamfer losses)
import torch


class CompletionLoss:
    def __init__(self, chamfer_dist, loss_func="cd_l1"):
        self.chamfer_dist = chamfer_dist
        if loss_func == "cd_l1":
            self.metric = self.chamfer_l1
            self.partial_matching = self.chamfer_partial_l1
        else:
            self.metric = self.chamfer_l2
            self.partial_matching = self.chamfer_partial_l2

    def chamfer_l1(self, p1, p2):
        d1, d2, _, _ = self.chamfer_dist(p1, p2)
        return (torch.mean(torch.sqrt(d1)) + torch.mean(torch.sqrt(d2))) / 2

    def chamfer_l2(self, p1, p2):
        d1, d2, _, _ = self.chamfer_dist(p1, p2)
        return torch.mean(d1) + torch.mean(d2)

    def chamfer_partial_l1(self, partial, pred):
        d1, _, _, _ = self.chamfer_dist(partial, pred)
        return torch.mean(torch.sqrt(d1))

    def chamfer_partial_l2(self, partial, pred):
        d1, _, _, _ = self.chamfer_dist(partial, pred)
        return torch.mean(d1)

    def get_loss(self, pcds_pred, partial, gt, subsample):
        pc, p1, p2, p3 = pcds_pred
        gt_2 = subsample(gt, p2.shape[1])
        gt_1 = subsample(gt_2, p1.shape[1])
        gt_c = subsample(gt_1, pc.shape[1])
        loss_c = self.metric(pc, gt_c)
        loss_1 = self.metric(p1, gt_1)
        loss_2 = self.metric(p2, gt_2)
        loss_3 = self.metric(p3, gt)
        partial_matching = self.partial_matching(partial, p3)
        loss_all = loss_c + loss_1 + loss_2 + loss_3 + partial_matching
        losses = [partial_matching, loss_c, loss_1, loss_2, loss_3]
        return loss_all, losses
