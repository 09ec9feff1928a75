"""part of positive project [LG001]: the package marker."""

# Source: kennyleung-su/cs231n-sl-classification@f94cab0fc3 base/__init__.py (empty)
