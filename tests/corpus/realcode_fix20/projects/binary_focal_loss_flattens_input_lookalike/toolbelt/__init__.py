"""part of look-alike project [LG005, LG010]: the package marker."""

# Source: BloodAxe/pytorch-toolbelt@a6cd0865d9 pytorch_toolbelt/__init__.py (the fix commit; cut, renamed)
