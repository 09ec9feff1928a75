"""part of positive project [LG006]: package marker of src/ (empty in the source)."""
# Source: weixr18/MNIST-pytorch at 550a9575f9189c14b49da8897b4179312899b696 src/__init__.py (empty file, kept)
