"""part of positive project [LG016]: build a module from a config dict whose 'type' names a registered class."""
# Source: open-mmlab/mmfashion at 4403fba4 (the parent of deebced0, "multiple loss"), mmfashion/models/builder.py; re-typed, identifiers renamed; the other builders cut.
import mmcv
from torch import nn

from .registry import CONCATS, PREDICTORS


def _build_module(cfg, registry, default_args):
    assert isinstance(cfg, dict) and 'type' in cfg
    args = cfg.copy()
    obj_type = args.pop('type')
    if mmcv.is_str(obj_type):
        if obj_type not in registry.module_dict:
            raise KeyError('{} is not in the {} registry'.format(obj_type, registry.name))
        obj_type = registry.module_dict[obj_type]
    if default_args is not None:
        for name, value in default_args.items():
            args.setdefault(name, value)
    return obj_type(**args)


def build(cfg, registry, default_args=None):
    if isinstance(cfg, list):
        modules = [_build_module(c, registry, default_args) for c in cfg]
        return nn.Sequential(*modules)
    return _build_module(cfg, registry, default_args)


def build_concat(cfg):
    return build(cfg, CONCATS)


def build_predictor(cfg):
    return build(cfg, PREDICTORS)
