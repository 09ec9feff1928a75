"""positive [LG006]: the full-batch LBFGS step of an interatomic-potential trainer back-propagates every batch of the data loader inside its closure and adds each weighted batch loss tensor, graph and all, to total_loss, which the closure returns to optimizer.step(closure)."""
# Source: ACEsuit/mace at 667eee4e, mace/tools/train.py (train_one_epoch, take_step, take_step_lbfgs); re-typed,
# identifiers renamed; train(), the validation and metrics classes, the distributed broadcast of the rank-0 signal
# and the logger shortened. to_numpy, the EMA and the loss modules are the library's (not included).
import time
from typing import Any, Dict, Optional, Tuple

import torch
import torch_geometric
from torch.optim import LBFGS
from torch.utils.data import DataLoader
from torch_ema import ExponentialMovingAverage

from .torch_tools import to_numpy


def train_one_epoch(model, loss_fn, data_loader, optimizer, epoch, output_args, max_grad_norm, ema, logger, device,
                    distributed, distributed_model=None, rank=0) -> None:
    net = model if distributed_model is None else distributed_model
    if isinstance(optimizer, LBFGS):
        _, metrics = step_full_batch_lbfgs(net, loss_fn, data_loader, optimizer, ema, output_args, max_grad_norm,
                                           device, distributed, rank)
        metrics["mode"] = "opt"
        metrics["epoch"] = epoch
        if rank == 0:
            logger.log(metrics)
    else:
        for batch in data_loader:
            _, metrics = step_one_batch(net, loss_fn, batch, optimizer, ema, output_args, max_grad_norm, device)
            metrics["mode"] = "opt"
            metrics["epoch"] = epoch
            if rank == 0:
                logger.log(metrics)


def step_one_batch(model: torch.nn.Module, loss_fn: torch.nn.Module, batch: torch_geometric.batch.Batch,
                   optimizer: torch.optim.Optimizer, ema: Optional[ExponentialMovingAverage],
                   output_args: Dict[str, bool], max_grad_norm: Optional[float],
                   device: torch.device) -> Tuple[float, Dict[str, Any]]:
    start = time.time()
    batch = batch.to(device)
    batch_dict = batch.to_dict()

    def closure():
        optimizer.zero_grad(set_to_none=True)
        output = model(batch_dict, training=True, compute_force=output_args["forces"],
                       compute_virials=output_args["virials"], compute_stress=output_args["stress"])
        loss = loss_fn(pred=output, ref=batch)
        loss.backward()
        if max_grad_norm is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=max_grad_norm)
        return loss

    loss = closure()
    optimizer.step()
    if ema is not None:
        ema.update()
    return loss, {"loss": to_numpy(loss), "time": time.time() - start}


def step_full_batch_lbfgs(model: torch.nn.Module, loss_fn: torch.nn.Module, data_loader: DataLoader,
                          optimizer: torch.optim.Optimizer, ema: Optional[ExponentialMovingAverage],
                          output_args: Dict[str, bool], max_grad_norm: Optional[float], device: torch.device,
                          distributed: bool, rank: int) -> Tuple[float, Dict[str, Any]]:
    start = time.time()
    n_total = 0
    for batch in data_loader:
        n_total += batch.num_graphs
    if distributed:
        n_global = torch.tensor(n_total, device=device)
        torch.distributed.all_reduce(n_global, op=torch.distributed.ReduceOp.SUM)
        n_total = n_global.item()

    def closure():
        optimizer.zero_grad(set_to_none=True)
        total_loss = torch.tensor(0.0, device=device)
        for batch in data_loader:
            batch = batch.to(device)
            batch_dict = batch.to_dict()
            output = model(batch_dict, training=True, compute_force=output_args["forces"],
                           compute_virials=output_args["virials"], compute_stress=output_args["stress"])
            batch_loss = loss_fn(pred=output, ref=batch)
            batch_loss = batch_loss * (batch.num_graphs / n_total)
            batch_loss.backward()
            total_loss += batch_loss  # expect: LG006
        if max_grad_norm is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=max_grad_norm)
        if distributed:
            torch.distributed.all_reduce(total_loss, op=torch.distributed.ReduceOp.SUM)
        return total_loss

    loss = optimizer.step(closure)
    if ema is not None:
        ema.update()
    return loss, {"loss": to_numpy(loss), "time": time.time() - start}
