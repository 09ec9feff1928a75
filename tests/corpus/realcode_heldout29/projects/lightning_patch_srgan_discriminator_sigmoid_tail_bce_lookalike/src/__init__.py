"""part of look-alike project [LG002, LG004, LG006, LG016]: the package marker."""
# Source: kushalchordiya216/DPSRGAN at 2114a357, src/__init__.py; re-typed (empty).
