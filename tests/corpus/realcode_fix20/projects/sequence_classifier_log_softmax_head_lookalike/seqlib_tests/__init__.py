"""part of look-alike project [LG007]: the package marker."""

# Source: dllllb/pytorch-lifestream@3b0a5e751b ptls_tests/__init__.py (the fix commit; cut, renamed)
