"""part of positive project [LG010]: package marker."""
# Source: https://github.com/NVIDIA/DeepRecommender reco_encoder/__init__.py at 9dc509ff30644737b94c42cb312d6c01e25fcbe6; empty.
