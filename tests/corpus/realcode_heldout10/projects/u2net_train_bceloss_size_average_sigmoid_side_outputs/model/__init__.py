"""part of positive project [LG010]: the model package re-exports U2NET and U2NETP from u2net.py."""
# Source: xuebinqin/U-2-Net@ac7e1c817ecab7c7dff5ce6b1abba61cd213ff29 model/__init__.py (whole file)
from .u2net import U2NET
from .u2net import U2NETP
