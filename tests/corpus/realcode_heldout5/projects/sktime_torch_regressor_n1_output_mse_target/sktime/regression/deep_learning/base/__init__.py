"""part of positive project [LG005]: the base package re-exports BaseDeepRegressorTorch."""
# Source: sktime/sktime@7bd7d1620c0656f3210eeb850bb1c0034159ee47 sktime/regression/deep_learning/base/__init__.py
# at the commit read, before PR #10932 "[BUG] fix (batch, 1) output handling in BaseDeepRegressorTorch" (issue #10931).
"""Abstract base class for deep learning neural network regressors."""

__all__ = [
    "BaseDeepRegressor",
    "BaseDeepRegressorTorch",
]

from sktime.regression.deep_learning.base._base_tf import BaseDeepRegressor
from sktime.regression.deep_learning.base._base_torch import (
    BaseDeepRegressorTorch,
)
