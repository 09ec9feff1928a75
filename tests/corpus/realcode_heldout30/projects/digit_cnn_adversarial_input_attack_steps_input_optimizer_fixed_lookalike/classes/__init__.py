"""part of look-alike project [LG014, LG017, LG018]: a package marker (added: the source imports classes/ and functions/ as namespace packages)."""
# Source: DavideZFC/Pytorch-Exercises at 925118c6, (no __init__.py in the source).
