"""part of positive project [LG006]: the package of the completion network's helpers."""
