"""part of positive project [LG005]: the MLP regressor package."""
# Source: sktime/sktime@7bd7d1620c0656f3210eeb850bb1c0034159ee47 sktime/regression/deep_learning/mlp/__init__.py
# at the commit read, before PR #10932 "[BUG] fix (batch, 1) output handling in BaseDeepRegressorTorch" (issue #10931).
"""MLP deep learning regressors.

This subpackage provides MLP based regressors implemented in
TensorFlow and PyTorch backends.
"""

__all__ = [
    "MLPRegressor",
    "MLPRegressorTorch",
]

from sktime.regression.deep_learning.mlp._mlp_tf import MLPRegressor
from sktime.regression.deep_learning.mlp._mlp_torch import MLPRegressorTorch
