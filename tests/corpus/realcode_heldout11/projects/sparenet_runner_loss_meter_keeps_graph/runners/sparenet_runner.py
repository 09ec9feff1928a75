"""part of positive project [LG006]: train_step passes the batch's coarse and refine losses (tensors that still hold their graph) to self.losses.update every batch."""
# Source: microsoft/SpareNet@6462ba6840464bdbe3ba56114a828231215385d5 runners/sparenet_runner.py (the parent of 8bbc200 "fix: losses take item", its issue #12 "GPU memory leakage"; re-typed, identifiers renamed, cut at method boundaries: val_step and build_val_loss left out)
import torch

import utils.misc as um
import cuda.emd.emd_module as emd
from cuda.chamfer_distance import ChamferDistance, ChamferDistanceMean
from runners.misc import AverageMeter
from runners.base_runner import BaseRunner


class sparenetRunner(BaseRunner):

    def __init__(self, config, logger):
        super().__init__(config, logger)
        self.losses = AverageMeter(["CoarseLoss", "RefineLoss"])
        self.test_losses = AverageMeter(["CoarseLoss", "RefineLoss"])
        self.cd = None
        self.cd_mean = None
        self.emd = None

    def build_train_loss(self):
        self.cd = torch.nn.DataParallel(ChamferDistance().to(self.gpu_ids[0]), device_ids=self.gpu_ids)
        self.cd_mean = torch.nn.DataParallel(ChamferDistanceMean().to(self.gpu_ids[0]), device_ids=self.gpu_ids)
        self.emd = torch.nn.DataParallel(emd.emdModule().to(self.gpu_ids[0]), device_ids=self.gpu_ids)

    def train_step(self, batch):
        _, (_, _, _, data) = batch
        for k, v in data.items():
            data[k] = v.float().to(self.gpu_ids[0])

        total, _, _, _, fine_loss, rough_loss = self.completion(data)
        self.models.zero_grad()
        total.backward()
        self.optimizers.step()

        self.loss["coarse_loss"] = rough_loss * 1000
        self.loss["refine_loss"] = fine_loss * 1000
        self.loss["rec_loss"] = total
        self.losses.update([rough_loss * 1000, fine_loss * 1000])

    def completion(self, data):
        rough, middle, fine, penalty = self.models(data)
        gt = data["gtcloud"]
        if self.config.NETWORK.metric == "chamfer":
            rough_loss = self.cd_mean(rough, gt).mean()
            middle_loss = self.cd_mean(middle, gt).mean()
            fine_loss = self.cd_mean(fine, gt).mean()
        elif self.config.NETWORK.metric == "emd":
            d_rough, _ = self.emd(rough, gt, eps=0.005, iters=50)
            d_middle, _ = self.emd(middle, gt, eps=0.005, iters=50)
            d_fine, _ = self.emd(fine, gt, eps=0.005, iters=50)
            rough_loss = torch.sqrt(d_rough).mean(1).mean()
            fine_loss = torch.sqrt(d_fine).mean(1).mean()
            middle_loss = torch.sqrt(d_middle).mean(1).mean()
        else:
            raise Exception("unknown training metric")

        total = rough_loss + middle_loss + fine_loss + penalty.mean() * 0.1
        if self.config.NETWORK.use_consist_loss:
            d1, _ = self.cd(fine, gt)
            total += torch.mean(d1).mean() * 0.5
        return total, fine, middle, rough, fine_loss, rough_loss
