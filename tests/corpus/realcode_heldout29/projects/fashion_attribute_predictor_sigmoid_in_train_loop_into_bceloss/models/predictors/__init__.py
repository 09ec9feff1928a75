"""part of positive project [LG016]: the predictors package."""
# Source: open-mmlab/mmfashion at 4403fba4 (the parent of deebced0, "multiple loss"), mmfashion/models/predictors/__init__.py; re-typed.
from .ROI_predictor import RoIPredictor

__all__ = ['RoIPredictor']
