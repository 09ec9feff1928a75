"""part of positive project [LG007]: the tests fit temperature scaling on random scores and on the model's outputs over a loader."""
# Source: kkirchheim/pytorch-ood at the parent of e9a05e9, tests/detectors/test_tscaling.py; re-typed, identifiers
# renamed (the real file imports from src.pytorch_ood).
import unittest

import torch
from torch.utils.data import DataLoader

from pytorch_ood.api import RequiresFittingException
from pytorch_ood.detector import TemperatureScaling
from tests.helpers import ClassificationModel, sample_dataset


class TestTScaling(unittest.TestCase):
    def test_requires_fitting(self):
        det = TemperatureScaling(ClassificationModel())
        with self.assertRaises(RequiresFittingException):
            det(torch.zeros(size=(128, 10)))

    def test_input(self):
        det = TemperatureScaling(ClassificationModel())
        x = torch.randn(size=(128, 10))
        y = torch.randint(0, 2, size=(x.shape[0],))
        det.fit_features(x, y)
        self.assertIsNotNone(det.t)
        self.assertIsNotNone(det.predict_features(x))

    def test_input2(self):
        det = TemperatureScaling(ClassificationModel())
        loader = DataLoader(sample_dataset(n_dim=10))
        scores = det.fit(loader).predict(torch.randn(size=(128, 10)))
        self.assertIsNotNone(scores)
