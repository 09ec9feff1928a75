"""part of positive project [LG016]: the variant package."""
# Source: zhuofupan/Pytorch-Deep-Neural-Networks at 99cedf9b (read as is), fuzz/model/variant/__init__.py (cut).
from .semi_vae import Semi_VAE
