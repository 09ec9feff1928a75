"""part of look-alike project [LG002, LG004, LG016, LG001]: the AptaTrans package re-exports the model and its Lightning wrappers."""
# Source: gc-os-ai/pyaptamer@535c73024d1ac87fa7b7054bff7d89a370afb6ed pyaptamer/aptatrans/__init__.py
# at the commit read (issue #230: binary_cross_entropy is unsafe to autocast under AMP; the loss itself is right in full precision); the pipeline and config imports left out.
"""
AptaTrans pipeline and deep neural network for predicting aptamer-protein interaction
(API) and recommending candidate aptamers for a given target protein.
"""

__author__ = ["nennomp"]
__all__ = [
    "AptaTrans",
    "AptaTransLightning",
    "AptaTransEncoderLightning",
    "AptaTransPipeline",
    "EncoderPredictorConfig",
]

from pyaptamer.aptatrans._model import AptaTrans
from pyaptamer.aptatrans._model_lightning import (
    AptaTransEncoderLightning,
    AptaTransLightning,
)
