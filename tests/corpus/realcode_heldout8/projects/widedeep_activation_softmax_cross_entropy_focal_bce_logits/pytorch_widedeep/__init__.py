"""part of positive project [LG001, LG003]: the package's __init__, as in the source."""
# Source: jrzaurin/pytorch-widedeep@148bdb2fd02396fd3f9a0911dc292c5ce586a5ea pytorch_widedeep/__init__.py
##################################################
# Store Library Version
##################################################
import os.path

from pytorch_widedeep.version import __version__

##################################################
# utils module accessible from pytorch-widedeep
##################################################
from .utils import dense_utils
from .utils import text_utils
from .utils import fastai_transforms
from .utils import image_utils
