"""part of look-alike project [LG010]: package marker."""
# Source: https://github.com/NVIDIA/DeepRecommender reco_encoder/__init__.py at a32a8a5c23092c551616acf6fac5b32e1155d18b; empty.
