"""part of positive project [LG006]: the script builds a spectrogram CNN, Adam and nn.CrossEntropyLoss and hands them to source.training.fit."""
# Source: Shaveek23/cifar10-computer_vision at 60d3591a (read as is), main.py; re-typed, identifiers renamed; the
# audio transformer factories and the several repeated training runs shortened to one run through fit (the source's
# train_unknown_vs_known wraps the same fit). The loader factory is not included.
import os

import torch
import torch.optim
import torch.nn

from source.training import fit
from source.utils.config_manager import ConfigManager
from source.dataloaders.project_2_dataloaders_factory import Project2DataLoaderFactory
from source.custom_cnn.conv2d import CNNSpectrogram

batch_size = 64
epochs = 100

model = CNNSpectrogram(n_input=1, n_output=12, image_height=201, image_width=41)
optimizer = torch.optim.Adam(model.parameters(), lr=0.001, weight_decay=0.0001)
criterion = torch.nn.CrossEntropyLoss()

data_root = os.path.join(ConfigManager().get_dataset_path("speech_recognition"))
factory = Project2DataLoaderFactory(data_root, is_balanced=True, with_silence=False)
train_loader = factory.get_train_loader(batch_size=batch_size)
valid_loader = factory.get_valid_loader(batch_size=batch_size)

fit(model, train_loader, valid_loader, optimizer, criterion, epochs=epochs, device="cuda", is_logging=True, trial_name="spectrogram_cnn")
