"""part of look-alike project [LG002, LG004, LG005, LG006]: the breast-cancer classifier: a stack of Linear/LeakyReLU layers narrowing to output_size and nn.Sigmoid() as the last layer of the nn.Sequential, so forward returns probabilities."""
# Source: iml1111/pytorch_study at cecd0490, src/04_advanced_pytorch/custom_dataset/model.py; re-typed, identifiers renamed; the commented-out
# BatchNorm layers cut.
import torch.nn as nn


class TumourClassifier(nn.Module):
    def __init__(self, input_size, output_size):
        self.input_size = input_size
        self.output_size = output_size
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(input_size, 22),
            nn.LeakyReLU(),
            nn.Linear(22, 15),
            nn.LeakyReLU(),
            nn.Linear(15, 10),
            nn.LeakyReLU(),
            nn.Linear(10, 5),
            nn.LeakyReLU(),
            nn.Linear(5, 4),
            nn.LeakyReLU(),
            nn.Linear(4, 3),
            nn.LeakyReLU(),
            nn.Linear(3, output_size),
            nn.Sigmoid(),
        )

    def forward(self, x):
        return self.layers(x)
