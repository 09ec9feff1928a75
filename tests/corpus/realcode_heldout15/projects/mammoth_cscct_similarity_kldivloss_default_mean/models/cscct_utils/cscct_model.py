"""part of positive project [LG009]: the CSCCT mix-in distils the old model's class-similarity structure with torch.nn.KLDivLoss() at its default reduction (element mean) between row-softmaxed similarity matrices."""
# Source: aimagelab/mammoth at e75a491c (read as is), models/cscct_utils/cscct_model.py; re-typed, identifiers renamed;
# the argument parser helper cut.
from abc import ABC, abstractmethod
from copy import deepcopy

import torch
from torch.functional import F

from models.utils.continual_model import ContinualModel
from utils.buffer import Buffer


def sim_matrix(a, b, eps=1e-8):
    a_n, b_n = a.norm(dim=1)[:, None], b.norm(dim=1)[:, None]
    a_norm = a / torch.max(a_n, eps * torch.ones_like(a_n))
    b_norm = b / torch.max(b_n, eps * torch.ones_like(b_n))
    return torch.mm(a_norm, b_norm.transpose(0, 1))


class CscCtModel(ContinualModel, ABC):
    def __init__(self, backbone, loss, args, transform, dataset=None):
        super(CscCtModel, self).__init__(backbone, loss, args, transform, dataset)
        self.buffer = Buffer(self.args.buffer_size, self.device)
        self.old_net = None

    def get_csc_loss(self, targets, cur, ref):
        t = targets.unsqueeze(1)
        same = (t == t.T).to(torch.int)
        same[same == 0] = -1
        sim = sim_matrix(cur, ref).flatten()
        loss = 1 - sim
        loss *= same.flatten()
        return loss.mean() * self.args.csc_weight

    def get_ct_loss(self, targets, cur, ref):
        tasks = targets // self.cpt
        ref_now = ref[tasks == self.current_task]
        ref_old = ref[tasks < self.current_task]
        cur_now = cur[tasks == self.current_task]
        cur_old = cur[tasks < self.current_task]
        prev_sim = sim_matrix(ref_now, ref_old)
        cur_sim = sim_matrix(cur_now, cur_old)
        ct = torch.nn.KLDivLoss()(  # expect: LG009
            F.log_softmax(cur_sim / self.args.ct_temperature, dim=1),
            F.softmax(prev_sim / self.args.ct_temperature, dim=1)
        ) * (self.args.ct_temperature ** 2)
        return ct * self.args.ct_weight

    def get_cscct_loss(self, inputs, targets):
        cur = self.net.features(inputs)
        with torch.no_grad():
            ref = self.old_net.features(inputs)
        return self.get_csc_loss(targets, cur, ref) + self.get_ct_loss(targets, cur, ref)

    def end_task(self, dataset):
        super().end_task(dataset)
        self.old_net = deepcopy(self.net.eval())
        self.net.train()

    @abstractmethod
    def observe(self, inputs, labels, not_aug_inputs, epoch=None) -> float:
        pass
