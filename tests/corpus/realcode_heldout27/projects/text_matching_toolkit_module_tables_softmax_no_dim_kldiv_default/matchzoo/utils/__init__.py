"""part of positive project [LG009, LG011]: the utils package re-exports the parsers of activations and losses."""
# Source: NTMC-Community/MatchZoo-py at 0e5c04e1, matchzoo/utils/__init__.py; re-typed; the other helpers' imports cut.
from .parse import parse_activation, parse_loss
