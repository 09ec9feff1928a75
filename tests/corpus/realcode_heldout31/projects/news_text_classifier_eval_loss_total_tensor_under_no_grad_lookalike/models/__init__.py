"""part of look-alike project [LG001, LG006, LG013, LG014]: package marker standing for the source's implicit namespace package models/ (added, not in the source)."""
# Source: PangYunsheng8/Text-Classification-Pytorch at 8973c10c1c7904f4c2e7fa0ba828c0e23d5719cd models/ (no __init__.py there)
