"""part of positive project [LG010]: the package marker."""
# Source: facebookresearch/DPR at a31212dc, dpr/__init__.py; re-typed.
