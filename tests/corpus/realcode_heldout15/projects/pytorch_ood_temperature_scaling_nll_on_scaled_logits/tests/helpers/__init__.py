"""part of positive project [LG007]: test helpers."""
# Source: kkirchheim/pytorch-ood at the parent of e9a05e9, tests/helpers/__init__.py; re-typed, logging setup cut.
from .dataset import sample_dataset
from .model import ClassificationModel
