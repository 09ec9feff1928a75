"""part of look-alike project [LG003, LG006, LG015, LG016]: the package marker, as in the source."""
# Source: BloodAxe/Kaggle-2024-CryoET at f422874b, cryoet/__init__.py; re-typed.
