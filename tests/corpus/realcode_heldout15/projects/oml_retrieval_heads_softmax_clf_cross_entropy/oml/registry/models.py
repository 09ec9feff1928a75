"""part of positive project [LG001, LG011]: the head is built by name from the run's config."""
# Source: OML-Team/open-metric-learning at ab1c4847 (parent of ce28a36), oml/registry/models.py; re-typed, identifiers
# renamed; the pretrained-extractor helpers cut.
from typing import Any, Dict

from oml.interfaces.models import IExtractor, IHead
from oml.models.heads import AngularMarginHead, FancyAngularHead, LinearClassHead
from oml.models.resnet import ResnetExtractor
from oml.models.vit.vit import ViTExtractor
from oml.utils.misc import TCfg, dictconfig_to_dict

EXTRACTORS = {
    "resnet": ResnetExtractor,
    "vit": ViTExtractor,
}

HEADS = {
    "simple_linear": LinearClassHead,
    "arcface": AngularMarginHead,
    "fancy_arcface": FancyAngularHead,
}


def get_head_by_cfg(cfg: TCfg, **kwargs: Dict[str, Any]) -> IHead:
    name = cfg["name"]
    cfg.setdefault("args", {})
    cfg["args"].update(kwargs)
    return HEADS[name](**cfg["args"])  # type: ignore


def get_extractor(model_name: str, **kwargs: Dict[str, Any]) -> IExtractor:
    return EXTRACTORS[model_name](**kwargs)  # type: ignore


def get_extractor_by_cfg(cfg: TCfg) -> IExtractor:
    cfg = dictconfig_to_dict(cfg)
    return get_extractor(model_name=cfg["name"], **cfg["args"])
