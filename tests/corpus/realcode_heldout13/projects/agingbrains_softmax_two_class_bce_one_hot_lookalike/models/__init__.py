"""part of look-alike project [LG001, LG002, LG016]: the models package re-exports the classifier the notebook imports."""
# Source: BlissChapman/AgingBrains@1625f85af8c570351ef4684c2231d5c72214ea39 models/__init__.py (read as is; re-typed, the autoencoder exports left out)
from models.Classifier import Classifier
