"""part of positive project [LG003]: package marker."""
# Source: https://github.com/meilfang/LMFD-PAD model/__init__.py at 5c826b1ef4f6739223d434b0f297bfb165486930 (empty).
