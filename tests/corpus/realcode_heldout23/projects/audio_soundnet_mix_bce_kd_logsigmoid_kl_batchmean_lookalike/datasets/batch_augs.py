"""part of look-alike project [LG003, LG006, LG008, LG009]: the batch augmentation's mixed-label loss: with mix_loss='bce' it builds nn.BCEWithLogitsLoss(reduction="sum") and applies it to the network's raw scores against the clamped sum of the two one-hot targets."""
# Source: Alibaba-MIIL/AudioClassfication at 6277e5e6 (read as is), datasets/batch_augs.py; re-typed, identifiers renamed;
# the random resampling and the timemix / freqmix / phase-mix transforms cut (mixup kept), and the mix_loss='ce' branch (an
# NLLLoss(reduction='none') on log_softmax, weighted per sample) cut. utils.helper_funcs.AugBasic is not included.
import random

import torch
import torch.nn.functional as F

from utils.helper_funcs import AugBasic


class BatchAugs(AugBasic):
    def __init__(self, params):
        super().__init__(fs=params["fs"])
        self.params = params
        if self.params["mix_loss"] == "bce":
            self.loss = torch.nn.BCEWithLogitsLoss(reduction="sum")
        else:
            raise ValueError("Wrong mix_loss")

    def __call__(self, x, y, epoch):
        if len(self.params["augs"]) > 0 and random.random() <= self.params["mix_ratio"] \
                and epoch > self.params["epoch_mix"]:
            is_mixed = True
            aug = self.params["augs"][random.randint(0, len(self.params["augs"]) - 1)]
            if aug == "mixup":
                x, y = self.mixup(x, y)
            else:
                raise ValueError("wrong mix aug")
        else:
            is_mixed = False
        return x, y, is_mixed

    def mixup(self, data, target):
        idx = torch.randperm(data.size(0))
        data_shuffled = data[idx, ...].clone()
        target_shuffled = target[idx].clone()
        lam = 0.1 + 0.9 * torch.rand(data.shape[0], 1, 1, device=data.device, requires_grad=False)
        gain = 10 * torch.log10(torch.clamp((data ** 2).mean(-1, keepdims=True), min=1e-5))
        p = 1 / (1 + 10 ** ((gain - gain[idx]) / 20) * (1 - lam) / lam)
        data = (data * p + data_shuffled * (1 - p)) / torch.sqrt(p ** 2 + (1 - p) ** 2)
        targets = [t.to(data.device) for t in (target, target_shuffled, p.view(-1))]
        return data, targets

    def mix_loss(self, logits, target, n_classes=None, pred_one_hot=None):
        target, target_shuffled, lam = target
        lam = lam.view(-1, 1)
        if not pred_one_hot:
            target = F.one_hot(target, n_classes).float()
            target_shuffled = F.one_hot(target_shuffled, n_classes).float() * (lam < 0.9)
            one_h_mix = torch.clamp(target + target_shuffled, max=1)
            loss = self.loss(logits, one_h_mix)
        else:
            target_shuffled *= (lam < 0.9)
            one_h_mix = torch.clamp(target + target_shuffled, max=1)
            loss = self.loss(logits, one_h_mix)
        return loss
