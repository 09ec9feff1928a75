"""part of look-alike project [LG001, LG006, LG007, LG015]: package marker of models/ (empty in the source)."""
# Source: mbml84/mnist-pytorch at c9a4384b069b0543019381724d98389ced7145ca models/__init__.py (empty file, kept)
