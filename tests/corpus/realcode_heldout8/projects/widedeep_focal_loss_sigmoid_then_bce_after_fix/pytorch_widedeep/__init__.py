"""part of positive project [LG016]: a package __init__, as in the source."""
# Source: jrzaurin/pytorch-widedeep@706a8998aaf503359583950153e7d55cb07e4663 pytorch_widedeep/__init__.py
##################################################
# Store Library Version
##################################################
import os.path

from pytorch_widedeep.version import __version__

##################################################
# utils module accessible from pytorch-widedeep
##################################################
from .utils import text_utils, dense_utils, image_utils, fastai_transforms
