"""part of positive project [LG015]: the recognition package re-exports its architectures (SAR here)."""
# Source: https://github.com/mindee/doctr doctr/models/recognition/__init__.py at 7e83e50808e4a520fc4fa3bdea3a2831bfcbdc06; reduced to SAR.
from .sar import *
