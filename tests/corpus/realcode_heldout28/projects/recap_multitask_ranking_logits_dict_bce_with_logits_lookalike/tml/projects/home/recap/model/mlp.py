"""part of look-alike project [LG003, LG004, LG005]: each task tower is an MLP of Linear layers (ReLU between them, optional batch norm and dropout) whose last layer is a plain Linear, returned as {"output": ...}."""
# Source: twitter/the-algorithm-ml at b8521086, projects/home/recap/model/mlp.py (read as is); re-typed, identifiers
# renamed.
import torch


def _init(module):
    if isinstance(module, torch.nn.Linear):
        torch.nn.init.xavier_uniform_(module.weight)
        torch.nn.init.constant_(module.bias, 0)


class Mlp(torch.nn.Module):
    def __init__(self, in_features: int, mlp_config):
        super().__init__()
        self._cfg = mlp_config
        width = in_features
        sizes = mlp_config.layer_sizes
        mods = []
        for size in sizes[:-1]:
            mods.append(torch.nn.Linear(width, size, bias=True))
            if mlp_config.batch_norm:
                mods.append(torch.nn.BatchNorm1d(size, affine=mlp_config.batch_norm.affine,
                                                 momentum=mlp_config.batch_norm.momentum))
            mods.append(torch.nn.ReLU())
            if mlp_config.dropout:
                mods.append(torch.nn.Dropout(mlp_config.dropout.rate))
            width = size
        mods.append(torch.nn.Linear(width, sizes[-1], bias=True))
        if mlp_config.final_layer_activation:
            mods.append(torch.nn.ReLU())
        self.layers = torch.nn.ModuleList(mods)
        self.layers.apply(_init)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        net = x
        for i, layer in enumerate(self.layers):
            net = layer(net)
            if i == 1:
                shared = net
        return {"output": net, "shared_layer": shared}

    @property
    def out_features(self):
        return self._cfg.layer_sizes[-1]
