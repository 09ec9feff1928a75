"""part of positive project [LG014]: the package marker."""

# Source: syuntoku14/pytorch-rl-il@5f29ca1ab8 tests/__init__.py, fixed in e1c6f865c4 (cut, renamed)
