"""part of positive project [LG006]: the package."""
