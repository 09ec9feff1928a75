"""part of positive project [LG016]: the model package."""
# Source: zhuofupan/Pytorch-Deep-Neural-Networks at 99cedf9b (read as is), fuzz/model/__init__.py (cut).
