"""part of positive project [LG010]: package marker."""
# Source: lukasliebel/MultiDepth at 7478d355 (read as is; found through issue #2 on its multi-task uncertainty weighting in train.py), ptsemseg/__init__.py (empty).
