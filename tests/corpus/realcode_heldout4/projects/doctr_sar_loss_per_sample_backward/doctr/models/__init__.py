"""part of positive project [LG015]: the models package exposes the recognition sub-package."""
# Source: https://github.com/mindee/doctr doctr/models/__init__.py at 7e83e50808e4a520fc4fa3bdea3a2831bfcbdc06; reduced to the recognition import.
from . import recognition
