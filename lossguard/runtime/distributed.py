"""torch.distributed helpers: every rank watches, rank 0 logs, decisions use reduced statistics."""

from __future__ import annotations

import torch


def rank_and_world() -> tuple[int, int]:
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        return torch.distributed.get_rank(), torch.distributed.get_world_size()
    return 0, 1


def all_reduce_sum(tensor: torch.Tensor) -> torch.Tensor:
    """Sum over ranks (in place, returned); a no-op outside a process group.

    NCCL needs the tensor on the rank's CUDA device; gloo takes CPU tensors. The collective is
    enqueued on the current stream, so it adds no host synchronisation of its own.
    """
    _, world = rank_and_world()
    if world > 1:
        torch.distributed.all_reduce(tensor, op=torch.distributed.ReduceOp.SUM)
    return tensor
