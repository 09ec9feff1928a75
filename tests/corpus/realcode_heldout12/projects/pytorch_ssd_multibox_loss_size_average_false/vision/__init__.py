"""part of positive project [LG010]: package marker."""
# Source: qfgaohao/pytorch-ssd@7a839cbc8c3fb39679856b4dc42a1ab19ec07581 vision/__init__.py (empty in the source)
