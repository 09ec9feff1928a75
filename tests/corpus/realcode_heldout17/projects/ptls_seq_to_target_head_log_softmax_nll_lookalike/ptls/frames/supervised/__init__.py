"""part of look-alike project [LG007, LG001, LG011]: the supervised frames package re-exports the LightningModule."""
# Source: pytorch-lifestream/pytorch-lifestream at 73a7a549 (read as is), ptls/frames/supervised/__init__.py; re-typed,
# the dataset re-export cut.
from .seq_to_target import SequenceToTarget
