"""part of look-alike project [LG001, LG013, LG006]: package marker."""
# Source: https://github.com/facebookresearch/moco moco/__init__.py at 132aea9da9bb995a411c915c0420be3db62052f3; empty.
