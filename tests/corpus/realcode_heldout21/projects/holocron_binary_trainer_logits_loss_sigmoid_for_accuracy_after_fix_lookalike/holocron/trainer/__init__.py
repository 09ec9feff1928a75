"""part of look-alike project [LG003, LG016]: the trainer package re-exports the core and classification trainers with star imports."""
# Source: frgfm/holocron at 9871899c ("fix: Fixed BinaryClassificationTrainer (#227)"),
# holocron/trainer/__init__.py; re-typed; the detection and segmentation trainers are not included.
from .core import *
from .classification import *
