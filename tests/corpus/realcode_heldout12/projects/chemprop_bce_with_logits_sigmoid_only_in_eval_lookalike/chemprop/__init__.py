"""part of look-alike project [LG002, LG003, LG015]: the package root; nothing but the subpackages."""
# Source: chemprop/chemprop@6d4aaa18c67e28ba4d64ed292043d626b6276c98 chemprop/__init__.py (the commit "Switching from BCELoss to BCEWithLogitsLoss"; re-typed, the version string left out)
