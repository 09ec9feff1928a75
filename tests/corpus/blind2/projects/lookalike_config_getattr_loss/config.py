"""part of look-alike project [LG001, LG002, LG016]: YAML-backed experiment config; the loss class is chosen by name at run time."""
from dataclasses import dataclass, field

import yaml


@dataclass
class Config:
    arch: str = "mlp"
    loss: str = "CrossEntropyLoss"
    loss_kwargs: dict = field(default_factory=dict)
    hidden: int = 256
    n_out: int = 10
    lr: float = 3e-4
    epochs: int = 30


def load_config(path: str) -> Config:
    with open(path) as fh:
        raw = yaml.safe_load(fh)
    return Config(**raw)
