"""part of look-alike project [LG002, LG003, LG006, LG015]: the models package re-exports the CenterNet LightningModule."""
# Source: gau-nernst/centernet-lightning at 2b7aa422 (the fix "minor fixes"), src/models/__init__.py; re-typed; the
# detection subclass and the config builder cut.
from .centernet import CenterNet

__al__ = ["CenterNet"]
