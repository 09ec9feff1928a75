"""part of look-alike project [LG014]: the package marker."""

# Source: syuntoku14/pytorch-rl-il@e1c6f865c4 tests/__init__.py (the fix commit; cut, renamed)
