"""part of positive project [LG006]: a spectrogram CNN on the shared base class; forward ends in nn.Linear(128, n_output) (raw scores)."""
# Source: Shaveek23/cifar10-computer_vision at 60d3591a (read as is), source/custom_cnn/conv2d.py; re-typed,
# identifiers renamed.
import torch
import torch.nn as nn
import torch.nn.functional as F

from source.custom_cnn.image_classification_base import ImageClassificationBase


class CNNSpectrogram(ImageClassificationBase):
    def __init__(self, n_input=1, n_output=11, image_height=201, image_width=41) -> None:
        super().__init__()
        self.c1 = nn.Conv2d(n_input, 32, kernel_size=(3, 3), padding="same")
        self.c2 = nn.Conv2d(32, 64, kernel_size=(3, 3), padding="same")
        self.c3 = nn.Conv2d(64, 128, kernel_size=(3, 3), padding="same")
        self.c4 = nn.Conv2d(128, 256, kernel_size=(3, 3), padding="same")
        self.drop = nn.Dropout(p=0.5)
        self.fc1 = nn.Linear(8960, 128)
        self.fc2 = nn.Linear(128, n_output)
        self.pool = nn.MaxPool2d(kernel_size=(2, 2))

    def forward(self, x):
        x = self.pool(F.relu(self.c1(x)))
        x = self.pool(F.relu(self.c2(x)))
        x = self.pool(F.relu(self.c3(x)))
        x = F.relu(self.c4(x))
        x = F.adaptive_avg_pool2d(x, output_size=(5, 7))
        x = x.view(-1, x.shape[1] * 5 * 7)
        x = self.drop(self.fc1(x))
        return self.fc2(x)
