"""part of positive project [LG010, LG016]: package marker."""
# Source: https://github.com/Tianxiaomo/pytorch-YOLOv4 tool/__init__.py at 99045748bd6fdbb55c7dac48ef82941c641e65c6; empty.
