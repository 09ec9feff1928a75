"""part of positive project [LG016]: the models package imports the component modules (registering them) and re-exports the builders."""
# Source: open-mmlab/mmfashion at 4403fba4 (the parent of deebced0, "multiple loss"), mmfashion/models/__init__.py; re-typed, the backbone, pooling and loss imports cut.
from .concats import *
from .predictors import *
from .registry import CONCATS, PREDICTORS
from .builder import build_concat, build_predictor
