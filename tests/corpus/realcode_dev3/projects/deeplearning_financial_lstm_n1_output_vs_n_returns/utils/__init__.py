"""part of positive project [LG005]: the utils package re-exports the batching helper."""
# Source: mlpanda/DeepLearning_Financial@7e846144629d8b49b8fd74a87d5ff047b7af55d1 utils/__init__.py (read as is; re-typed, the other helpers left out)
from .utilities import ExampleDataset, prepare_data_lstm
