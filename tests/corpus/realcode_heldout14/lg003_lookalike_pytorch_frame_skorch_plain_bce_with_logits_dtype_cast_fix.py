"""look-alike [LG003, LG004, LG013]: after the fix the binary task uses plain nn.BCEWithLogitsLoss on the raw output, wrapped to cast input and target (float, or long for the multiclass cross-entropy)."""
# Source: pyg-team/pytorch-frame at the fix bc07d7bb ("fix: fix dtype"), test/utils/test_skorch.py; re-typed, identifiers
# renamed; the module-as-function variant, the text-embedding stypes and the sklearn-only test cut.
import pandas as pd
import pytest
import torch
import torch.nn as nn


from torch_frame import TaskType, stype
from torch_frame.datasets.fake import FakeDataset
from torch_frame.nn.models.mlp import MLP
from torch_frame.utils.skorch import (
    NeuralNetBinaryClassifierPytorchFrame as NeuralNetBinaryClassifierTabular,
    NeuralNetClassifierPytorchFrame as NeuralNetClassifierTabular,
    NeuralNetPytorchFrame as NeuralNetTabular,
)


class CastDtypeLoss(nn.Module):
    def __init__(self, loss: nn.Module, dtype_input: torch.dtype = torch.float, dtype_target: torch.dtype = torch.float):
        super().__init__()
        self.loss = loss
        self.dtype_input = dtype_input
        self.dtype_target = dtype_target

    def forward(self, input, target):
        return self.loss(input.to(dtype=self.dtype_input).squeeze(), target.to(dtype=self.dtype_target).squeeze())


BINARY_LOSS = nn.BCEWithLogitsLoss

@pytest.mark.parametrize("stypes", [[stype.numerical], [stype.categorical]])
@pytest.mark.parametrize("task_type_and_loss_cls", [
    (TaskType.REGRESSION, nn.MSELoss),
    (TaskType.BINARY_CLASSIFICATION, BINARY_LOSS),
    (TaskType.MULTICLASS_CLASSIFICATION, nn.CrossEntropyLoss),
])
@pytest.mark.parametrize("pass_dataset", [False, True])
def test_skorch_tabular_dataset(stypes, task_type_and_loss_cls, pass_dataset: bool):
    task_type, loss_cls = task_type_and_loss_cls
    loss = loss_cls()
    loss = CastDtypeLoss(loss, dtype_target=torch.long if task_type == TaskType.MULTICLASS_CLASSIFICATION else torch.float)
    dataset = FakeDataset(num_rows=30, stypes=stypes, create_split=True, task_type=task_type)
    dataset.materialize()
    train_dataset, val_dataset, test_dataset = dataset.split()
    if not pass_dataset:
        df_train = pd.concat([train_dataset.df, val_dataset.df])
        X_train, y_train = df_train.drop(columns=[dataset.target_col, dataset.split_col]), df_train[dataset.target_col]
        X_test = test_dataset.df.drop(columns=[dataset.target_col, dataset.split_col])

    kwargs = {
        "module__channels": 8,
        "module__out_channels": dataset.num_classes if task_type == TaskType.MULTICLASS_CLASSIFICATION else 1,
        "module__num_layers": 3,
        "module__normalization": "layer_norm",
    }
    kwargs.update({"module": MLP, "criterion": loss, "max_epochs": 2, "verbose": 1, "batch_size": 3})

    if task_type == TaskType.REGRESSION:
        net = NeuralNetTabular(**kwargs)
    if task_type == TaskType.MULTICLASS_CLASSIFICATION:
        net = NeuralNetClassifierTabular(**kwargs)
    elif task_type == TaskType.BINARY_CLASSIFICATION:
        net = NeuralNetBinaryClassifierTabular(**kwargs)

    if pass_dataset:
        net.fit(dataset)
        _ = net.predict(test_dataset)
    else:
        net.fit(X_train, y_train)
        _ = net.predict(X_test)
