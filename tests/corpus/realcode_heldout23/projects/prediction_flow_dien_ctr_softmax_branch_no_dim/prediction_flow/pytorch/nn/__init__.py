"""part of positive project [LG011]: the nn package re-exports the interest module."""
# Source: GitHub-HongweiZhang/prediction-flow at cad8aa1f (read as is), prediction_flow/pytorch/nn/__init__.py;
# re-typed; the other layers' exports cut.
from .interest import AuxiliaryNet, Interest
