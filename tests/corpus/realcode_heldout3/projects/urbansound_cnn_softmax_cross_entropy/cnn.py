"""part of positive project [LG001]: the urban-sound CNN's forward ends in nn.Softmax(dim=1) after the Linear layer."""
# Source: https://github.com/musikalkemist/pytorchforaudio "09 Training urban sound classifier/cnn.py" at f83a243019043665a590072e4bce7ce7d1553fe2
# (issue #9 "Loss stays same throught training"); re-typed, names changed, reduced (conv blocks 2-4 written in one loop).
from torch import nn


class CNNNetwork(nn.Module):

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=16, kernel_size=3, stride=1, padding=2),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2)
        )
        self.conv2 = nn.Sequential(
            nn.Conv2d(in_channels=16, out_channels=32, kernel_size=3, stride=1, padding=2),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2)
        )
        self.flatten = nn.Flatten()
        self.linear = nn.Linear(128 * 5 * 4, 10)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, input_data):
        x = self.conv1(input_data)
        x = self.conv2(x)
        x = self.flatten(x)
        logits = self.linear(x)
        predictions = self.softmax(logits)
        return predictions


if __name__ == "__main__":
    cnn = CNNNetwork()
