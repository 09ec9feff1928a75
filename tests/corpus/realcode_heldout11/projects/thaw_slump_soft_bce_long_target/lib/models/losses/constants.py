"""part of positive project [LG004]: the segmentation modes the losses take."""
# Source: initze/thaw-slump-segmentation@9707c577b0a31d187e101232b7147b1f295888a7 lib/models/losses/constants.py (the parent of 026c795 "Fix Soft BCE Loss", pull request #21, which adds y_true = y_true.float(); re-typed, comments left out)
BINARY_MODE: str = "binary"
MULTICLASS_MODE: str = "multiclass"
MULTILABEL_MODE: str = "multilabel"
