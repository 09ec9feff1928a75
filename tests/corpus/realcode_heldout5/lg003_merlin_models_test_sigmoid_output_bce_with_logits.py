"""positive [LG003]: Merlin Models' unit test recomputes the BinaryOutput's loss by hand: nn.Sigmoid()(features @ weights.T + bias) fed to nn.BCEWithLogitsLoss() (the PR's words: 'we apply sigmoid twice'); the compute_loss tests give BCEWithLogitsLoss raw torch.randn predictions."""
# Source: NVIDIA-Merlin/models@bb8b7bd87fac0984dee14814f475e19fea33a4f4 tests/unit/torch/models/test_base.py
# the parent of 4fbf82161118c0c7a36652046f4a903091c2de3f "Change default loss in BinaryOutput to BCELoss (#1175)"; the license header and the tests that do not compute a loss left out.
import pandas as pd
import pytest
import pytorch_lightning as pl
import torch
from torch import nn
from torchmetrics import AUROC, Accuracy, Precision, Recall

import merlin.models.torch as mm
from merlin.dataloader.torch import Loader
from merlin.io import Dataset
from merlin.models.torch.batch import Batch, sample_batch
from merlin.models.torch.models.base import compute_loss
from merlin.models.torch.utils import module_utils
from merlin.schema import ColumnSchema



class TestModel:

    def test_training_step_values(self):
        model = mm.Model(
            mm.Concat(),
            mm.BinaryOutput(ColumnSchema("target")),
        )
        features = {"feature": torch.tensor([[1.0, 2.0], [3.0, 4.0]])}
        targets = {"target": torch.tensor([[0.0], [1.0]])}
        loss = model.training_step((features, targets), 0)
        (weights, bias) = model.parameters()
        expected_outputs = nn.Sigmoid()(torch.matmul(features["feature"], weights.T) + bias)
        expected_loss = nn.BCEWithLogitsLoss()(expected_outputs, targets["target"])  # expect: LG003
        assert torch.allclose(loss, expected_loss)


class TestComputeLoss:
    def test_tensor_inputs(self):
        predictions = torch.randn(2, 1)
        targets = torch.randint(2, (2, 1), dtype=torch.float32)
        model_outputs = [mm.BinaryOutput(ColumnSchema("a"))]
        results = compute_loss(predictions, targets, model_outputs)
        expected_loss = nn.BCEWithLogitsLoss()(predictions, targets)
        expected_auroc = AUROC(task="binary")(predictions, targets)
        expected_acc = Accuracy(task="binary")(predictions, targets)
        expected_prec = Precision(task="binary")(predictions, targets)
        expected_rec = Recall(task="binary")(predictions, targets)

        assert isinstance(results, dict)
        assert sorted(results.keys()) == [
            "binary_accuracy",
            "binary_auroc",
            "binary_precision",
            "binary_recall",
            "loss",
        ]
        assert torch.allclose(results["loss"], expected_loss)
        assert torch.allclose(results["binary_auroc"], expected_auroc)
        assert torch.allclose(results["binary_accuracy"], expected_acc)
        assert torch.allclose(results["binary_precision"], expected_prec)
        assert torch.allclose(results["binary_recall"], expected_rec)

    def test_no_metrics(self):
        predictions = torch.randn(2, 1)
        targets = torch.randint(2, (2, 1), dtype=torch.float32)
        model_outputs = [mm.BinaryOutput(ColumnSchema("a"))]
        results = compute_loss(predictions, targets, model_outputs, compute_metrics=False)
        assert sorted(results.keys()) == ["loss"]

    def test_dict_inputs(self):
        predictions = {"a": torch.randn(2, 1)}
        targets = {"a": torch.randint(2, (2, 1), dtype=torch.float32)}
        model_outputs = (mm.BinaryOutput(ColumnSchema("a")),)
        results = compute_loss(predictions, targets, model_outputs)
        expected_loss = nn.BCEWithLogitsLoss()(predictions["a"], targets["a"])
        assert torch.allclose(results["loss"], expected_loss)

    def test_mixed_inputs(self):
        predictions = {"a": torch.randn(2, 1)}
        targets = torch.randint(2, (2, 1), dtype=torch.float32)
        model_outputs = (mm.BinaryOutput(ColumnSchema("a")),)
        results = compute_loss(predictions, targets, model_outputs)
        expected_loss = nn.BCEWithLogitsLoss()(predictions["a"], targets)
        assert torch.allclose(results["loss"], expected_loss)

    def test_single_model_output(self):
        predictions = {"foo": torch.randn(2, 1)}
        targets = {"foo": torch.randint(2, (2, 1), dtype=torch.float32)}
        model_outputs = [mm.BinaryOutput(ColumnSchema("foo"))]
        results = compute_loss(predictions, targets, model_outputs)
        expected_loss = nn.BCEWithLogitsLoss()(predictions["foo"], targets["foo"])
        assert torch.allclose(results["loss"], expected_loss)

    def test_tensor_input_no_targets(self):
        predictions = torch.randn(2, 1)
        binary_output = mm.BinaryOutput(ColumnSchema("foo"))
        results = compute_loss(predictions, None, (binary_output,))
        expected_loss = nn.BCEWithLogitsLoss()(predictions, torch.zeros(2, 1))
        assert torch.allclose(results["loss"], expected_loss)

    def test_dict_input_no_targets(self):
        predictions = {"foo": torch.randn(2, 1)}
        binary_output = mm.BinaryOutput(ColumnSchema("foo"))
        results = compute_loss(predictions, None, (binary_output,))
        expected_loss = nn.BCEWithLogitsLoss()(predictions["foo"], torch.zeros(2, 1))
        assert torch.allclose(results["loss"], expected_loss)
