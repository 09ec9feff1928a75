"""positive [LG006]: a DDP training script appends the combined detection loss tensor (with graph) to a per-epoch history list."""
import os

import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data.distributed import DistributedSampler


def setup():
    dist.init_process_group("nccl")
    local_rank = int(os.environ["LOCAL_RANK"])
    torch.cuda.set_device(local_rank)
    return local_rank


def main(model, dataset, epochs=24):
    local_rank = setup()
    model = DDP(model.cuda(local_rank), device_ids=[local_rank])
    sampler = DistributedSampler(dataset, shuffle=True)
    loader = torch.utils.data.DataLoader(dataset, batch_size=16, sampler=sampler, num_workers=8, pin_memory=True)
    cls_criterion = nn.CrossEntropyLoss()
    reg_criterion = nn.SmoothL1Loss(beta=1 / 9)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.02, momentum=0.9, weight_decay=1e-4)
    history = []
    for epoch in range(epochs):
        sampler.set_epoch(epoch)
        for images, cls_t, box_t in loader:
            images = images.cuda(local_rank, non_blocking=True)
            cls_t, box_t = cls_t.cuda(local_rank), box_t.cuda(local_rank)
            cls_logits, box_deltas = model(images)
            loss_cls = cls_criterion(cls_logits, cls_t)
            loss_box = reg_criterion(box_deltas, box_t)
            loss = loss_cls + 2.0 * loss_box
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            history.append(loss)  # expect: LG006
        if local_rank == 0:
            print(epoch, torch.stack(history[-len(loader):]).mean().item())
    dist.destroy_process_group()
