"""part of positive project [LG007]: the detector package re-exports its detectors."""
# Source: kkirchheim/pytorch-ood at the parent of e9a05e9, src/pytorch_ood/detector/__init__.py; re-typed, cut to the
# two detectors used here.
from .softmax import MaxSoftmax
from .tscaling import TemperatureScaling
