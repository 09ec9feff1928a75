"""part of look-alike project [LG005]: the package re-exports the domain discriminator."""
# Source: https://github.com/ZhaoZhibin/UDTL models/__init__.py at 6eefb28eb7ab142e4ca07b88073df579c5387f23
# (the fix of issue #3); re-typed, reduced.
from models.cnn_1d import cnn_features as cnn_features_1d
from models.AdversarialNet import AdversarialNet
