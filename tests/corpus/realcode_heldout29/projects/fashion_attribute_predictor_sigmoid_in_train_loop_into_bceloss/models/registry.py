"""part of positive project [LG016]: the component registries."""
# Source: open-mmlab/mmfashion at 4403fba4 (the parent of deebced0, "multiple loss"), mmfashion/models/registry.py; re-typed, the backbone/pooling/loss registries cut.
from mmcv.utils import Registry

CONCATS = Registry('concat')
PREDICTORS = Registry('predictor')
