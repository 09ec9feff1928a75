"""positive [LG001]: a tutorial notebook trains shadow models that end in nn.Softmax(dim=1) with nn.CrossEntropyLoss(reduction='sum'); the issue names the softmax before CrossEntropyLoss and the swapped arguments, and the fix commit only swapped the arguments, so the probabilities now reach the loss as its input."""
# Source: https://github.com/privacytrustlab/ml_privacy_meter/issues/95 "Bug in notebook examples that use PyTorch models" (tutorials/shadow_metric.ipynb at ae1a3ab363d8c43f8d5d7e251353491d5167004a, the commit answering the issue; the text of the import, settings, model, criterion and training code cells in notebook order, the `!pip` line left out; the data and audit cells not in this unit)
from math import ceil
import numpy as np
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder
from torch import nn, optim, Tensor
import sys
from privacy_meter.audit import Audit
from privacy_meter.audit_report import ROCCurveReport, SignalHistogramReport
from privacy_meter.constants import InferenceGame
from privacy_meter.dataset import Dataset
from privacy_meter.hypothesis_test import threshold_func
from privacy_meter.information_source import InformationSource
from privacy_meter.information_source_signal import ModelLoss
from privacy_meter.metric import ShadowMetric
from privacy_meter.model import PytorchModel
n_shadow_models = 10  # Number of shadow models to be trained
epochs = 20           # Number of epochs for each model
batch_size = 32       # Batch size for the trainings
torch_models = [
    nn.Sequential(
        nn.Linear(in_features=600, out_features=128),
        nn.Tanh(),
        nn.Linear(in_features=128, out_features=100),
        nn.Softmax(dim=1)
    )
    for _ in range(n_shadow_models + 1)
]
criterion = nn.CrossEntropyLoss(reduction='sum')
for k, model in enumerate(torch_models):
    optimizer = optim.Adam(model.parameters())
    x = dataset.get_feature(split_name=f'train{k:03d}', feature_name='<default_input>')
    y = dataset.get_feature(split_name=f'train{k:03d}', feature_name='<default_output>')
    n_samples = x.shape[0]
    n_batches = ceil(n_samples / batch_size)
    x = np.array_split(x, n_batches)
    y = np.array_split(y, n_batches)
    for epoch in range(epochs):
        epoch_loss, acc = 0.0, 0.0
        for b in range(n_batches):
            optimizer.zero_grad()
            y_pred = model(Tensor(x[b]))
            loss = criterion(y_pred,Tensor(y[b]))  # expect: LG001
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
            acc += torch.sum(y_pred.argmax(axis=1) == Tensor(y[b]).argmax(axis=1))
        acc /= n_samples
        epoch_loss /= n_samples
        print(f'model #{k:02d}, epoch #{epoch:03d}:\ttrain_acc = {acc:.3f}\ttrain_loss = {epoch_loss:.3e}')
