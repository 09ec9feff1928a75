"""part of positive project [LG016]: the package re-exports the base module and the VAE."""
# Source: zhuofupan/Pytorch-Deep-Neural-Networks at 99cedf9b (read as is), fuzz/__init__.py; re-typed, cut to the names used here.
from .core.module import Module
from .model.vae import VAE
