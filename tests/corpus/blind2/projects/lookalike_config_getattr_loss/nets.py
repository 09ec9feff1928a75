"""part of look-alike project [LG001, LG002, LG016]: the network's output activation is also configurable."""
import torch.nn as nn


def make_net(in_dim: int, hidden: int, n_out: int, out_act: str | None) -> nn.Module:
    layers = [nn.Linear(in_dim, hidden), nn.GELU(), nn.Dropout(0.1), nn.Linear(hidden, n_out)]
    if out_act is not None:
        layers.append(getattr(nn, out_act)())
    return nn.Sequential(*layers)
