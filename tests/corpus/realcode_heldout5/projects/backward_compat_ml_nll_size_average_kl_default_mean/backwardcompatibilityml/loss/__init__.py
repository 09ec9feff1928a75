"""part of positive project [LG009, LG010]: the loss package re-exports the backward-compatibility losses."""
# Source: microsoft/BackwardCompatibilityML@7a677c0256ce5412ef3c7ef73902a38059931486 backwardcompatibilityml/loss/__init__.py
# the parent of c8ebe6adb72a561c0bc0a358c011e504002f62b6 (issue #64); the strict-imitation losses left out.
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.

from backwardcompatibilityml.loss.new_error import BCNLLLoss
from backwardcompatibilityml.loss.new_error import BCCrossEntropyLoss
from backwardcompatibilityml.loss.new_error import BCBinaryCrossEntropyLoss
from backwardcompatibilityml.loss.new_error import BCKLDivergenceLoss
