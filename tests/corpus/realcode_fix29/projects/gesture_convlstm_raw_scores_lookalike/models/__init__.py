"""part of look-alike project [LG001]: the package marker."""

# Source: kennyleung-su/cs231n-sl-classification@1d87e02d29 models/__init__.py (empty)
