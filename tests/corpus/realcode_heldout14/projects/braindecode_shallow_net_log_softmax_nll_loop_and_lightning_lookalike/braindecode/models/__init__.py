"""part of look-alike project [LG001, LG007]: the models package registers every EEG model class by name."""
# Source: braindecode/braindecode at the parent of ffff87c5 ("Log Softmax as False", pull request #624, which turns every
# model's add_log_softmax default to False), braindecode/models/__init__.py; re-typed; the other models cut.
from .base import EEGModuleMixin
from .shallow_fbcsp import ShallowFBCSPNet
from .util import _init_models_dict

__all__ = ["EEGModuleMixin", "ShallowFBCSPNet"]

_init_models_dict()
