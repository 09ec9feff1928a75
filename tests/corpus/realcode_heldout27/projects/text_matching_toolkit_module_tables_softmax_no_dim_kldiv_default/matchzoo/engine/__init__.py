"""part of positive project [LG009, LG011]: the engine package marker."""
# Source: NTMC-Community/MatchZoo-py at 0e5c04e1, matchzoo/engine/__init__.py; re-typed; the re-exports cut.
