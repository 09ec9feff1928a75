"""part of positive project [LG003, LG010]: the package re-exports the three networks."""
# Source: https://github.com/avBuffer/UNet3plus_pth unet/__init__.py at 263534e4a48964e907324622b14b90f1c3b4270d
from .unet_model import UNet
from .UNet2Plus import UNet2Plus
from .UNet3Plus import UNet3Plus
