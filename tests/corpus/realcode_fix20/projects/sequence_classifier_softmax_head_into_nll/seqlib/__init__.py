"""part of positive project [LG007]: the package marker."""

# Source: dllllb/pytorch-lifestream@a006ebe98f ptls/__init__.py, fixed in 3b0a5e751b (cut, renamed)
