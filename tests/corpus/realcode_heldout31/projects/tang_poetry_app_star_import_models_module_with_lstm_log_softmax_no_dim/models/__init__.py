"""part of positive project [LG011]: package marker standing for the source's implicit namespace package models/ (added, not in the source)."""
# Source: Bye-lemon/PyTorch-Practice at 08c14d9e1e1b0e812ca2c2da2c0e19066c79ac15 models/ (no __init__.py there)
