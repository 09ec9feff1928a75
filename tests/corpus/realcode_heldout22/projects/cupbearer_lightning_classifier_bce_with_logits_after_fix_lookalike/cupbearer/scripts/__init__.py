"""part of look-alike project [LG002, LG003]: the scripts package exposes train_classifier."""
# Source: ejnnr/cupbearer at 3389efb6 ("Use BCE with logits (same as multiclass)", PR #35), src/cupbearer/scripts/__init__.py; re-typed; the other scripts are not included.
from .train_classifier import main as train_classifier
