"""Under torch.distributed every rank watches, rank 0 logs, and decisions agree across ranks."""

from __future__ import annotations

import os
import socket
import sys

import pytest
import torch
import torch.distributed as dist
import torch.multiprocessing as mp
import torch.nn as nn

import lossguard
from lossguard import LossGuardError

pytestmark = pytest.mark.integration  # two spawned processes, each importing torch


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _worker(rank: int, world: int, port: int, log_root: str, results) -> None:
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    torch.set_num_threads(1)
    dist.init_process_group("gloo", rank=rank, world_size=world)
    try:
        sys.path.insert(0, os.getcwd())
        from tests.runtime.helpers import model, task

        net = nn.parallel.DistributedDataParallel(model(0))
        opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
        crit = lossguard.watch(
            net, nn.CrossEntropyLoss(), console=False, on_event="raise", optimizer=opt, log_dir=os.path.join(log_root, f"rank{rank}"), skip=()
        )
        batch = task(seed=rank)
        raised_at = None
        try:
            for step in range(40):
                x, y = batch()
                if rank == 1 and step == 25:
                    x = x.clone()
                    x[0, 0] = float("nan")
                opt.zero_grad()
                crit(net(x), y).backward()
                opt.step()
        except LossGuardError as exc:
            raised_at = (crit.step, str(exc).splitlines()[0])
        crit.close()
        results[rank] = (raised_at, [(e.code, e.step) for e in crit.events], crit.rank, crit.world)
    finally:
        dist.destroy_process_group()


def test_two_gloo_ranks_agree_and_only_rank_zero_logs(tmp_path):
    manager = mp.Manager()
    results = manager.dict()
    mp.spawn(_worker, args=(2, _free_port(), str(tmp_path), results), nprocs=2, join=True)
    r0, r1 = results[0], results[1]
    assert r0[2:] == (0, 2) and r1[2:] == (1, 2)
    assert r0[0] is not None and r0[0] == r1[0]
    assert r0[1] == r1[1] == [("LG101", 25)]
    assert "LG101 nan-loss (step 25" in r0[0][1]
    assert (tmp_path / "rank0").is_dir() and not (tmp_path / "rank1").exists()


if not dist.is_available():  # pragma: no cover
    pytest.skip("torch.distributed is not available", allow_module_level=True)
