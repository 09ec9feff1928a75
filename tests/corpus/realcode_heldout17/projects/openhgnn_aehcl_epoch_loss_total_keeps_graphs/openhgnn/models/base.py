"""part of positive project [LG006]: the toolkit's abstract model base."""
# Source: BUPT-GAMMA/OpenHGNN at efc3923c (read as is), openhgnn/models/base_model.py; re-typed, docstrings cut.
import torch.nn as nn


class BaseModel(nn.Module):
    @classmethod
    def build_model_from_args(cls, args, hg=None):
        raise NotImplementedError

    def __init__(self):
        super(BaseModel, self).__init__()

    def forward(self, *args):
        raise NotImplementedError
