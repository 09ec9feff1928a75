"""part of look-alike project [LG007, LG001, LG011]: the library's nn package re-exports the prediction head."""
# Source: pytorch-lifestream/pytorch-lifestream at 73a7a549 (read as is), ptls/nn/__init__.py; re-typed, the other
# re-exports (encoders, normalisation) cut.
from .head import Head
