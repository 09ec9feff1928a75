"""part of positive project [LG003]: the package marker."""
# Source: Sujit-O/pykg2vec at 492807b6, pykg2vec/__init__.py; re-typed, its contents (package metadata) cut.
