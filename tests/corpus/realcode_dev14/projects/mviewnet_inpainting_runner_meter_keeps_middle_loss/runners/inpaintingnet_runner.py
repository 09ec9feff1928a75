"""part of positive project [LG006]: train_step back-propagates the total loss, then hands the meter the coarse and refine losses as numbers but the middle loss as a tensor that still holds its graph (the val_step twin runs under torch.no_grad)."""
# Source: zyh16143998882/MViewNet@3300be126a52a9f9edff55d6d558813e25fdde15 runners/inpaintingnet_runner.py (re-typed, identifiers renamed; the EMD branch, the consistency term, the validation losses and the multi-view reconstruction term cut)
import torch

from cuda.chamfer_distance import ChamferDistanceMean
from runners.base_runner import BaseRunner
from runners.misc import RunningMeter


class InpaintingRunner(BaseRunner):
    def __init__(self, config, logger):
        super().__init__(config, logger)
        self.losses = RunningMeter(["CoarseLoss", "MiddleLoss", "RefineLoss"])
        self.cd_mean = None

    def build_train_loss(self):
        self.cd_mean = torch.nn.DataParallel(ChamferDistanceMean().cuda())

    def train_step(self, items):
        _, (_, labels, code, data) = items
        for k, v in data.items():
            data[k] = v.float().cuda()
        total, refine, middle, coarse, refine_loss, middle_loss, coarse_loss = self.completion(data, code)
        self.models.zero_grad()
        total.backward()
        self.optimizers.step()

        self.loss["coarse_loss"] = coarse_loss * 1000
        self.loss["middle_loss"] = middle_loss * 1000
        self.loss["rec_loss"] = total
        self.losses.update([coarse_loss.item() * 1000, middle_loss * 1000, refine_loss.item() * 1000])

    def completion(self, data, code):
        coarse, middle, refine, penalty, _ = self.models(data, code)
        total = 0.0
        coarse_loss = self.cd_mean(coarse, data["gtcloud"]).mean()
        middle_loss = self.cd_mean(middle, data["gtcloud"]).mean()
        if self.config.NETWORK.use_recurefine:
            refine_loss = self.cd_mean(refine, data["gtcloud"]).mean()
            total += refine_loss + penalty.mean() * 0.1
        else:
            refine_loss = middle_loss
        total += coarse_loss + middle_loss
        return total, refine, middle, coarse, refine_loss, middle_loss, coarse_loss
