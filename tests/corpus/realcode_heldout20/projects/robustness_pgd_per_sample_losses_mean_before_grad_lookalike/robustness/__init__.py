"""part of look-alike project [LG015, LG006, LG001]: package marker of the adversarial-training library."""
# Source: MadryLab/robustness at a9541241 (read as is), robustness/__init__.py (its docstring cut).
