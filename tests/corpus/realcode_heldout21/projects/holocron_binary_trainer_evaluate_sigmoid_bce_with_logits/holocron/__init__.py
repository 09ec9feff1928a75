"""part of positive project [LG003]: the package root imports the trainer subpackage."""
# Source: frgfm/holocron at 49125c24 (the parent of 9871899c, "fix: Fixed BinaryClassificationTrainer (#227)"),
# holocron/__init__.py; re-typed; the models, nn, ops, optim and utils subpackages and version.py are not included.
from holocron import models, nn, ops, optim, trainer, utils

from .version import __version__
