"""part of look-alike project [LG006]: the GRNet runner's train_step back-propagates the total and hands the meter both losses as numbers (.item()): nothing keeps a graph."""
# Source: zyh16143998882/MViewNet@3300be126a52a9f9edff55d6d558813e25fdde15 runners/grnet_runner.py (re-typed, identifiers renamed; the EMD branch, the validation losses and the docstrings cut)
import torch

from cuda.chamfer_distance import ChamferDistanceMean
from runners.base_runner import BaseRunner
from runners.misc import RunningMeter


class GRNetRunner(BaseRunner):
    def __init__(self, config, logger):
        super().__init__(config, logger)
        self.losses = RunningMeter(["CoarseLoss", "RefineLoss"])
        self.cd_mean = None

    def build_train_loss(self):
        self.cd_mean = torch.nn.DataParallel(ChamferDistanceMean().cuda())

    def train_step(self, items):
        _, (_, _, _, data) = items
        for k, v in data.items():
            data[k] = v.float().cuda()
        total, _, _, refine_loss, coarse_loss = self.completion(data)
        self.models.zero_grad()
        total.backward()
        self.optimizers.step()

        self.loss["coarse_loss"] = coarse_loss * 1000
        self.loss["refine_loss"] = refine_loss * 1000
        self.loss["rec_loss"] = total
        self.losses.update([coarse_loss.item() * 1000, refine_loss.item() * 1000])

    def completion(self, data):
        coarse, refine = self.models(data)
        coarse_loss = self.cd_mean(coarse, data["gtcloud"]).mean()
        refine_loss = self.cd_mean(refine, data["gtcloud"]).mean()
        total = coarse_loss + refine_loss
        return total, refine, coarse, refine_loss, coarse_loss
