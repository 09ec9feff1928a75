"""part of positive project [LG001, LG011]: criteria are built by name; the only classification criterion in the registry is nn.CrossEntropyLoss."""
# Source: OML-Team/open-metric-learning at ab1c4847 (parent of ce28a36), oml/registry/losses.py; re-typed, identifiers
# renamed.
from typing import Any, Dict

from torch import nn

from oml.losses.triplet import TripletLoss, TripletLossPlain, TripletLossWithMiner
from oml.registry.miners import get_miner_by_cfg
from oml.utils.misc import TCfg, dictconfig_to_dict

LOSSES = {
    "TripletLoss": TripletLoss,
    "TripletLossPlain": TripletLossPlain,
    "TripletLossWithMiner": TripletLossWithMiner,
    "CrossEntropyLoss": nn.CrossEntropyLoss,
}


def get_criterion(name: str, **kwargs: Dict[str, Any]) -> nn.Module:
    if "miner" in kwargs:
        miner = get_miner_by_cfg(kwargs["miner"].copy())
        del kwargs["miner"]
        return LOSSES[name](miner=miner, **kwargs)
    return LOSSES[name](**kwargs)


def get_criterion_by_cfg(cfg: TCfg) -> nn.Module:
    cfg = dictconfig_to_dict(cfg)
    cfg.setdefault("args", {})
    return get_criterion(name=cfg["name"], **cfg["args"])
