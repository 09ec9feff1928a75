"""part of look-alike project [LG006]: the package marker."""

# Source: gpmaratos/rgrasp.pytorch@96ff09b648 models/__init__.py (the fix commit; cut, renamed)
