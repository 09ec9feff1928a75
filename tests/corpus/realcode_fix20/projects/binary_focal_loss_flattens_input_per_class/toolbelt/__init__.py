"""part of positive project [LG005, LG010]: the package marker."""

# Source: BloodAxe/pytorch-toolbelt@3825a8f209 pytorch_toolbelt/__init__.py, fixed in a6cd0865d9 (cut, renamed)
