"""part of look-alike project [LG001, LG006, LG014]: package marker."""
# Source: https://github.com/kenshohara/3D-ResNets-PyTorch models/__init__.py at 540a0ea1abaee379fa3651d4d5afbd2d667a1f49; empty.
