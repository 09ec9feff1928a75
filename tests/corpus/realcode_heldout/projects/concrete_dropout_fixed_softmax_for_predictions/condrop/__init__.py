"""part of positive project [LG011]: package re-exporting ConcreteDropout and the concrete_regulariser class decorator."""
# Source: https://github.com/danielkelshaw/ConcreteDropout condrop/__init__.py at
# 0b8ecad05342d8b8feedadff3c0b7e8a7e3eb0ec ("Fixed Softmax Issue", issue #11).
from .concrete_dropout import ConcreteDropout
from .utils.concrete_regulariser import concrete_regulariser
