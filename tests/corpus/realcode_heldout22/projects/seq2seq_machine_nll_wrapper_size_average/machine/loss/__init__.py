"""part of positive project [LG010]: the loss package re-exports the Loss base class and the NLLLoss / Perplexity wrappers."""
# Source: i-machine-think/machine at e7313c42 (the parent of 72086898, "BUG: Torch v.0.4.0 deprecation fix for NLLLoss
# size_average"), machine/loss/__init__.py; re-typed.
from .loss import Loss, NLLLoss, Perplexity
