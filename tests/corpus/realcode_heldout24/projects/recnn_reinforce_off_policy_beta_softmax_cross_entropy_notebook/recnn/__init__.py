"""part of positive project [LG001, LG011]: the library package; the notebook uses recnn.nn and recnn.data."""
# Source: awarebayes/RecNN at e61c7642 (read as is), recnn/__init__.py; cut to the nn import (data, utils and optim are not included).
from recnn import nn
