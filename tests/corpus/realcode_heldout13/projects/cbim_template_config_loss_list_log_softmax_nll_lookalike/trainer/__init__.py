"""part of look-alike project [LG001, LG006, LG007]: package re-export of the trainer."""
# Source: cbim-medical-group/pytorch-template@7f76ee095420e23efe22df560d8e0a314fbc16dd trainer/__init__.py (read as is)
from .trainer import *
