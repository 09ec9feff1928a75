"""part of positive project [LG003]: the models' package marker."""
# Source: Sujit-O/pykg2vec at 492807b6, pykg2vec/models/__init__.py; re-typed (empty).
