"""part of look-alike project [LG006, LG014, LG017, LG018]: package marker standing for the source's implicit namespace package core/ (added, not in the source)."""
# Source: sehyeona/VAE-pytorch at a970286f1d9e76f9b958ff89365d7c3294206a30 core/ (no __init__.py there)
