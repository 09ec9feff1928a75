"""part of look-alike project [LG001, LG007, LG014]: the package marker of the model folder, as in the source."""
# Source: thuml/MDD at 51e54847, model/__init__.py; re-typed.
