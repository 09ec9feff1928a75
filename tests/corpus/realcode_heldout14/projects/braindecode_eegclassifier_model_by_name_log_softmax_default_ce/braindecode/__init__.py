"""part of positive project [LG001]: the package exports the skorch-based classifier."""
# Source: braindecode/braindecode at the parent of ffff87c5 ("Log Softmax as False", pull request #624, which turns every
# model's add_log_softmax default to False), braindecode/__init__.py; re-typed.
from .classifier import EEGClassifier

__all__ = ["EEGClassifier"]
