"""part of positive project [LG014]: a package marker (added: the source imports classes/ and functions/ as namespace packages)."""
# Source: DavideZFC/Pytorch-Exercises at d151c588, (no __init__.py in the source).
