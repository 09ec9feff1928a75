"""part of positive project [LG004]: the losses package re-exports the soft BCE loss and the mode constants."""
# Source: initze/thaw-slump-segmentation@9707c577b0a31d187e101232b7147b1f295888a7 lib/models/losses/__init__.py (the parent of 026c795 "Fix Soft BCE Loss", pull request #21, which adds y_true = y_true.float(); re-typed, the re-exports of the other losses, whose modules are not part of this cut, left out)
from .constants import BINARY_MODE, MULTICLASS_MODE, MULTILABEL_MODE

from .soft_bce import SoftBCEWithLogitsLoss
