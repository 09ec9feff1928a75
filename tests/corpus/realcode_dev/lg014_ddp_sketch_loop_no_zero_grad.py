"""positive [LG014]: handbook's DistributedDataParallel sketch: the loop over the DistributedSampler's loader calls loss.backward() and optimizer.step() and never clears the gradients."""
# Source: https://github.com/zergtant/pytorch-handbook chapter4/4.5-multiply-gpu-parallel-training.ipynb at
# e9a149200971933395c54e516e0e0fbeb62d384a (found by this survey); re-typed from the notebook cell; model, dataset,
# loss_function and optimizer are defined elsewhere, as in the notebook.
import argparse

import torch
from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler

parser = argparse.ArgumentParser()
parser.add_argument("--node_rank", type=int)
args = parser.parse_args()
torch.distributed.init_process_group(backend="nccl")
device = torch.device("cuda", args.node_rank)
model = model.to(device)
distrib_model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[args.node_rank], output_device=args.node_rank)
sampler = DistributedSampler(dataset)
dataloader = DataLoader(dataset, sampler=sampler)
for inputs, labels in dataloader:
    predictions = distrib_model(inputs.to(device))
    loss = loss_function(predictions, labels.to(device))
    loss.backward()
    optimizer.step()  # expect: LG014
