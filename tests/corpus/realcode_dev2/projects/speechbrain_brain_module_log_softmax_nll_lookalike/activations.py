"""part of look-alike project [LG007]: the library's softmax module, which takes the log when built with apply_log=True."""
# Source: https://github.com/speechbrain/speechbrain speechbrain/nnet/activations.py at 9c826ef3937bac885c8a6ca86c6889a30f256fb5;
# re-typed, names changed, reduced.
import torch
import torch.nn.functional as F


class SoftmaxLayer(torch.nn.Module):
    def __init__(self, apply_log=False, dim=-1, reshape=True, dtype=torch.float32):
        super().__init__()
        if apply_log:
            self.act = F.log_softmax
        else:
            self.act = F.softmax
        self.dim = dim
        self.reshape = reshape
        self.dtype = dtype

    def forward(self, x):
        dims = x.shape
        if self.reshape and len(dims) == 3:
            x = x.reshape(dims[0] * dims[1], dims[2])
        out = self.act(x, dim=self.dim, dtype=self.dtype)
        if self.reshape and len(dims) == 3:
            out = out.reshape(dims[0], dims[1], dims[2])
        return out
