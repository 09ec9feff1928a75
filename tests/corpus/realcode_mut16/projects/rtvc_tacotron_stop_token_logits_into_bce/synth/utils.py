"""part of positive project [LG002]: the project's multi-GPU helper, torch.nn.parallel's replicate, scatter, parallel_apply and gather."""
# Source: CorentinJ/Real-Time-Voice-Cloning@865eba8826 synthesizer/utils/__init__.py (data_parallel_workaround, re-typed)
import torch


def run_parallel(model, *inputs):
    device_ids = list(range(torch.cuda.device_count()))
    output_device = device_ids[0]
    replicas = torch.nn.parallel.replicate(model, device_ids)
    pieces = torch.nn.parallel.scatter(inputs, device_ids)
    replicas = replicas[: len(pieces)]
    outputs = torch.nn.parallel.parallel_apply(replicas, pieces)
    return torch.nn.parallel.gather(outputs, output_device)
