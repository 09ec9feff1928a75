"""part of positive project [LG005]: the models package re-exports the LSTM regressor."""
# Source: mlpanda/DeepLearning_Financial@7e846144629d8b49b8fd74a87d5ff047b7af55d1 models/__init__.py (read as is; re-typed, the autoencoder and wavelet exports left out)
from .lstm import Sequence
