"""part of positive project [LG001]: package re-exporting ConcreteDropout and the concrete_regulariser class decorator."""
# Source: https://github.com/danielkelshaw/ConcreteDropout condrop/__init__.py at
# 7c0fdd79d13d88e61ee68b4d15269cfdf5d64043 (the parent of the fix 0b8ecad, "Fixed Softmax Issue", issue #11).
from .concrete_dropout import ConcreteDropout
from .utils.concrete_regulariser import concrete_regulariser
