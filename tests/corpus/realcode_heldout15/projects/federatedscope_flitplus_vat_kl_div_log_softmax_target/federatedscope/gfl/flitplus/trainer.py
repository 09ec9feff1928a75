"""part of positive project [LG008]: the FLIT+ trainer adds the VAT term of the local and the global model to the task loss of each batch."""
# Source: alibaba/FederatedScope at 7c3e458 ("mpnn"), federatedscope/gfl/flitplus/trainer.py; re-typed, identifiers
# renamed; the FLIT base trainer (its hook registration and its own batch forward) and the two ctx helpers cut, so the
# class derives from GeneralTorchTrainer directly.
from copy import deepcopy

import torch

from federatedscope.core.trainers.trainer import GeneralTorchTrainer
from federatedscope.gfl.flitplus.vat import GraphVATLoss


class FLITPlusTrainer(GeneralTorchTrainer):
    def _hook_on_batch_forward(self, ctx):
        batch = ctx.data_batch.to(ctx.device)
        ctx.global_model.to(ctx.device)
        vat = GraphVATLoss()
        vat_local = vat(deepcopy(ctx.model), batch, ctx.criterion._get_name())
        vat_global = vat(deepcopy(ctx.global_model), batch, ctx.criterion._get_name())

        pred = ctx.model(batch)
        pred_g = ctx.global_model(batch)
        if ctx.criterion._get_name() == 'CrossEntropyLoss':
            label = batch.y.squeeze(-1).long()
        else:
            label = batch.y.float()
        if len(label.size()) == 0:
            label = label.unsqueeze(0)
        loss_global = ctx.criterion(pred_g, label)
        loss_local = ctx.criterion(pred, label)

        w_task = loss_local + torch.relu(loss_local - loss_global.detach())
        w_vat = vat_local + torch.relu(vat_local - vat_global.detach())
        w = w_task + self.cfg.flitplus.lambdavat * w_vat
        denom = w.mean(dim=0, keepdim=True).detach()

        loss = (1 - torch.exp(-w / (denom + 1e-7)) + 1e-7) ** self.cfg.flitplus.tmpFed * (loss_local + vat_local)
        ctx.loss_batch = loss.mean()

        ctx.batch_size = len(label)
        ctx.y_true = label
        ctx.y_prob = pred
