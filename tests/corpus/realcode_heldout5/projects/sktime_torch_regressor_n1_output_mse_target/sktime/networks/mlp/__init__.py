"""part of positive project [LG005]: the MLP network package re-exports MLPNetworkTorch."""
# Source: sktime/sktime@7bd7d1620c0656f3210eeb850bb1c0034159ee47 sktime/networks/mlp/__init__.py
# at the commit read, before PR #10932 "[BUG] fix (batch, 1) output handling in BaseDeepRegressorTorch" (issue #10931).
"""MLP (Multi-Layer Perceptron) deep learning network structure.

Implemented in TensorFlow & PyTorch backends.
"""

__all__ = [
    "MLPNetwork",
    "MLPNetworkTorch",
]
from sktime.networks.mlp._mlp_tf import MLPNetwork
from sktime.networks.mlp._mlp_torch import MLPNetworkTorch
