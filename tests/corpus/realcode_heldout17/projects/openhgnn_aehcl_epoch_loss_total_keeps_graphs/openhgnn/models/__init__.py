"""part of positive project [LG006]: the model registry the flow builds its model from by name."""
# Source: BUPT-GAMMA/OpenHGNN at efc3923c (read as is), openhgnn/models/__init__.py; re-typed, identifiers renamed;
# the registry reduced to the decorator and lookup, the other models cut.
from .base import BaseModel

MODEL_REGISTRY = {}


def register_model(name):
    def deco(cls):
        MODEL_REGISTRY[name] = cls
        return cls

    return deco


def build_model(name):
    if isinstance(name, str):
        return MODEL_REGISTRY[name]
    return name


from .aehcl import AEHCL  # noqa: E402
