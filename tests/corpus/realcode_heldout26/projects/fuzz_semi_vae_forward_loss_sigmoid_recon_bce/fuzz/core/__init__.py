"""part of positive project [LG016]: the core package."""
# Source: zhuofupan/Pytorch-Deep-Neural-Networks at 99cedf9b (read as is), fuzz/core/__init__.py (cut).
