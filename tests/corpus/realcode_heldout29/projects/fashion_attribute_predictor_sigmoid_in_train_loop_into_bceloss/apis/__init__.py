"""part of positive project [LG016]: the apis package re-exports train_predictor."""
# Source: open-mmlab/mmfashion at 4403fba4 (the parent of deebced0, "multiple loss"), mmfashion/apis/__init__.py; re-typed, the test and calculator exports cut.
from .env import init_dist, get_root_logger
from .train import train_predictor
