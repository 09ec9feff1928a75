"""part of positive project [LG010]: the config's DISTILLER.TYPE string picks the distiller class from a dict."""
# Source: megvii-research/mdistiller@a08d46f10d6102bd6e3f258ca5ac880b020ea259 mdistiller/distillers/__init__.py (read as is; cut to the three distillers kept here)
from ._base import Vanilla
from .KD import KD
from .DKD import DKD

distiller_dict = {
    "NONE": Vanilla,
    "KD": KD,
    "DKD": DKD,
}
