"""part of look-alike project [LG001, LG005, LG006, LG015, LG018]: a package marker (added: the source imports src.algorithms and src.networks as namespace packages after a sys.path edit)."""
# Source: Trungsherlock/rl-actor-critic-comparison at 50d47d56, (no __init__.py in the source).
