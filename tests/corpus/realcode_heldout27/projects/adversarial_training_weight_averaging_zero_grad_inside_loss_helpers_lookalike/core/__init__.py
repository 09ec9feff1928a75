"""part of look-alike project [LG008, LG009, LG014, LG017, LG018]: the package marker."""
# Source: imrahulr/adversarial_robustness_pytorch at 6df6a8f0, core/__init__.py; re-typed.
