"""part of positive project [LG005]: the package re-exports the domain discriminator."""
# Source: https://github.com/ZhaoZhibin/UDTL models/__init__.py at ca5d802a864a29fa4ba68ed01834f00f3b13085b
# (the parent of 6eefb28eb7ab142e4ca07b88073df579c5387f23, issue #3); re-typed, reduced.
from models.cnn_1d import cnn_features as cnn_features_1d
from models.AdversarialNet import AdversarialNet
