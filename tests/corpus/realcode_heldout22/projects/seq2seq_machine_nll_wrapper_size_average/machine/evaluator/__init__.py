"""part of positive project [LG010]: the evaluator package re-exports Evaluator."""
# Source: i-machine-think/machine at e7313c42 (the parent of 72086898, "BUG: Torch v.0.4.0 deprecation fix for NLLLoss
# size_average"), machine/evaluator/__init__.py; re-typed.
from .evaluator import Evaluator
