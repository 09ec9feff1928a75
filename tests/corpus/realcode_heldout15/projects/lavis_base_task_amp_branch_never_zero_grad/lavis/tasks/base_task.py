"""part of positive project [LG014]: the shared inner training loop clears the gradients only in the non-AMP branch, so with a GradScaler the gradients of every step pile up across accumulation windows."""
# Source: salesforce/LAVIS, parent of b7198ad ("fix optimizer zero_grad under amp", which dedents
# optimizer.zero_grad() out of the else branch), lavis/tasks/base_task.py; re-typed, identifiers renamed; dataset
# building, evaluation and result saving cut.
import logging

import torch

from lavis.common.logger import MetricLogger, SmoothedValue
from lavis.common.registry import registry
from lavis.datasets.data_utils import prepare_sample


class BaseTask:
    def __init__(self, **kwargs):
        super().__init__()
        self.inst_id_key = "instance_id"

    @classmethod
    def setup_task(cls, **kwargs):
        return cls()

    def build_model(self, cfg):
        model_cfg = cfg.model_cfg
        return registry.get_model_class(model_cfg.arch).from_config(model_cfg)

    def train_step(self, model, samples):
        out = model(samples)["loss"]
        return out

    def train_epoch(self, epoch, model, data_loader, optimizer, lr_scheduler, scaler=None,
                    cuda_enabled=False, log_freq=50, accum_grad_iters=1):
        return self._inner_loop(
            epoch=epoch,
            iters_per_epoch=len(data_loader),
            model=model,
            data_loader=data_loader,
            optimizer=optimizer,
            scaler=scaler,
            lr_scheduler=lr_scheduler,
            log_freq=log_freq,
            cuda_enabled=cuda_enabled,
            accum_grad_iters=accum_grad_iters,
        )

    def _inner_loop(self, epoch, iters_per_epoch, model, data_loader, optimizer, lr_scheduler, scaler=None,
                    start_iters=None, log_freq=50, cuda_enabled=False, accum_grad_iters=1):
        use_amp = scaler is not None
        if not hasattr(data_loader, "__next__"):
            data_loader = iter(data_loader)

        logger = MetricLogger(delimiter="  ")
        logger.add_meter("lr", SmoothedValue(window_size=1, fmt="{value:.6f}"))
        logger.add_meter("loss", SmoothedValue(window_size=1, fmt="{value:.4f}"))
        logging.info("Start training epoch {}, {} iters per inner epoch.".format(epoch, iters_per_epoch))
        header = "Train: data epoch: [{}]".format(epoch)
        inner_epoch = epoch if start_iters is None else start_iters // iters_per_epoch

        for i in logger.log_every(range(iters_per_epoch), log_freq, header):
            if i >= iters_per_epoch:
                break
            samples = prepare_sample(next(data_loader), cuda_enabled=cuda_enabled)
            samples.update({"epoch": inner_epoch, "num_iters_per_epoch": iters_per_epoch, "iters": i})

            lr_scheduler.step(cur_epoch=inner_epoch, cur_step=i)

            with torch.cuda.amp.autocast(enabled=use_amp):
                loss = self.train_step(model=model, samples=samples)

            if use_amp:
                scaler.scale(loss).backward()
            else:
                loss.backward()

            if (i + 1) % accum_grad_iters == 0:
                if use_amp:
                    scaler.step(optimizer)  # expect: LG014
                    scaler.update()
                else:
                    optimizer.step()
                    optimizer.zero_grad()

            logger.update(loss=loss.item())
            logger.update(lr=optimizer.param_groups[0]["lr"])

        logger.synchronize_between_processes()
        logging.info("Averaged stats: " + str(logger.global_avg()))
        return {k: "{:.3f}".format(m.global_avg) for k, m in logger.meters.items()}
