"""part of look-alike project [LG002, LG015, LG016]: the package root; nothing but the subpackages."""
# Source: chemprop/chemprop@5376b54a04eee518db7d1194b7fa4ea8e79d26b4 chemprop/__init__.py (the parent of 6d4aaa18 "Switching from BCELoss to BCEWithLogitsLoss"; re-typed, the version string left out)
