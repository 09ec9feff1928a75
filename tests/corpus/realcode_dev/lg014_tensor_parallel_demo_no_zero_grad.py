"""positive [LG014]: tensor-parallel demo loop calls output.sum().backward() and optimizer.step() each iteration and never clears the gradients."""
# Source: https://github.com/pytorch/examples distributed/tensor_parallelism/tensor_parallel_example.py at
# 77f55b912142e11fcfdf5b530231fb9c52f181e8 (found by this survey); re-typed, names changed, reduced.
import torch
import torch.nn as nn
from torch.distributed.device_mesh import init_device_mesh
from torch.distributed.tensor.parallel import ColwiseParallel, RowwiseParallel, parallelize_module


class ToyModel(nn.Module):
    def __init__(self):
        super(ToyModel, self).__init__()
        self.in_proj = nn.Linear(10, 32)
        self.relu = nn.ReLU()
        self.out_proj = nn.Linear(32, 5)

    def forward(self, x):
        return self.out_proj(self.relu(self.in_proj(x)))


device_type = "cuda"
tp_mesh = init_device_mesh(device_type, (2,))
tp_model = ToyModel().to(device_type)
tp_model = parallelize_module(
    module=tp_model,
    device_mesh=tp_mesh,
    parallelize_plan={"in_proj": ColwiseParallel(), "out_proj": RowwiseParallel()},
)
optimizer = torch.optim.AdamW(tp_model.parameters(), lr=0.25, foreach=True)
num_iters = 10
for i in range(num_iters):
    torch.manual_seed(i)
    inp = torch.rand(20, 10, device=device_type)
    output = tp_model(inp)
    output.sum().backward()
    optimizer.step()  # expect: LG014
