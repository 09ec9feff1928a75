"""part of positive project [LG010]: the models package marker (the encoder factories of the source cut)."""
# Source: facebookresearch/DPR at a31212dc, dpr/models/__init__.py; re-typed; the component factories cut.
