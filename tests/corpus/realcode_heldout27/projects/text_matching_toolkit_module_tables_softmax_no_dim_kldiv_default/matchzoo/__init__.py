"""part of positive project [LG009, LG011]: the package marker (the source's re-exports cut)."""
# Source: NTMC-Community/MatchZoo-py at 0e5c04e1, matchzoo/__init__.py; re-typed; the re-exports cut.
