"""part of positive project [LG003]: the utilities' package marker."""
# Source: Sujit-O/pykg2vec at 492807b6, pykg2vec/utils/__init__.py; re-typed (empty).
