"""part of positive project [LG015]: the SAR package re-exports the PyTorch implementation when torch is the backend."""
# Source: https://github.com/mindee/doctr doctr/models/recognition/sar/__init__.py at 7e83e50808e4a520fc4fa3bdea3a2831bfcbdc06; re-typed.
from doctr.file_utils import is_tf_available, is_torch_available

if is_tf_available():
    from .tensorflow import *
elif is_torch_available():
    from .pytorch import *
