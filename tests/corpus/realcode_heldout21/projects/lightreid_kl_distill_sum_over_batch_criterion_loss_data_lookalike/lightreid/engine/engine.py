"""part of look-alike project [LG006, LG008, LG009]: with light_model on, the engine appends KLLoss(t=4) to the criterion list, runs the teacher under torch.no_grad, backpropagates the overall loss per batch and feeds the detached loss dict to a meter."""
# Source: wangguanan/light-reid at 97c6b2d1 (read as is; issue #24 quotes KLLoss and asks where it comes from),
# lightreid/engine/engine.py; re-typed, identifiers renamed; the light_feat/light_search branches, checkpointing and
# evaluation cut. lightreid/utils (MultiItemAverageMeter, Logging) is not included.
import os

import torch
import torch.nn as nn

from lightreid.utils import MultiItemAverageMeter, Logging
import lightreid


class Engine(object):
    def __init__(self, results_dir, datamanager, model, criterion, optimizer, use_gpu, data_parallel=False, light_model=False, **kwargs):
        self.results_dir = results_dir
        self.datamanager = datamanager
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.device = torch.device("cuda") if use_gpu else torch.device("cpu")
        self.loss_meter = MultiItemAverageMeter()
        os.makedirs(self.results_dir, exist_ok=True)
        self.logging = Logging(os.path.join(self.results_dir, "logging.txt"))

        self.light_model = light_model
        if self.light_model:
            teacher_path = kwargs["teacher_path"]
            model_t = torch.load(teacher_path, map_location=torch.device("cpu"))
            self.model_t = model_t.to(self.device).train()
            self.criterion.criterion_list.append(
                {"criterion": lightreid.losses.KLLoss(t=4), "weight": 1.0, "inputs": {"logits_s": "logits_distill", "logits_t": "logits_distill_t"}}
            )

        self.model = self.model.to(self.device)
        if data_parallel:
            self.model = nn.DataParallel(self.model)

    def train_an_epoch(self, epoch):
        self.model = self.model.train()
        self.loss_meter.reset()
        for idx, batch in enumerate(self.datamanager.train_loader):
            imgs, pids, camids = batch
            imgs, pids, camids = imgs.to(self.device), pids.to(self.device), camids.to(self.device)
            res = self.model(imgs, pids)
            if self.light_model:
                with torch.no_grad():
                    res_t = self.model_t(imgs, pids)
                    res_t_new = {}
                    for key, val in res_t.items():
                        res_t_new[key + "_t"] = val
                loss, loss_dict = self.criterion.compute(pids=pids, **res, **res_t_new)
            else:
                loss, loss_dict = self.criterion.compute(pids=pids, **res)
            self.optimizer.optimizer.zero_grad()
            loss.backward()
            self.optimizer.optimizer.step()
            self.optimizer.lr_scheduler.step(epoch)
            self.loss_meter.update(loss_dict)

        self.loss_meter.update({"LR": self.optimizer.optimizer.param_groups[0]["lr"]})
        return self.loss_meter.get_str()
