"""part of positive project [LG001]: the AlexNet classifier ends its last linear layer in nn.Softmax(dim=-1) (the fix removes it)."""

# Source: calmiLovesAI/Image_Classification.pytorch@dc5d7e34b9 core/models/alexnet.py, fixed in 82cd16b308 (cut, renamed)
import torch.nn as nn


class PlainAlexNet(nn.Module):
    def __init__(self, cfg, num_classes):
        super(PlainAlexNet, self).__init__()
        self.model_name = "PlainAlexNet"
        c_in = cfg["Train"]["input_size"][0]
        self.conv1 = nn.Conv2d(in_channels=c_in, out_channels=96, kernel_size=11, stride=4, padding=0)
        self.bn1 = nn.BatchNorm2d(num_features=96)
        self.pool1 = nn.MaxPool2d(kernel_size=3, stride=2, padding=0)
        self.conv2 = nn.Conv2d(in_channels=96, out_channels=256, kernel_size=5, stride=1, padding=2)
        self.bn2 = nn.BatchNorm2d(num_features=256)
        self.pool2 = nn.MaxPool2d(kernel_size=3, stride=2, padding=0)
        self.flatten = nn.Flatten(start_dim=1, end_dim=-1)
        self.fc1 = nn.Linear(in_features=9216, out_features=4096)
        self.drop1 = nn.Dropout(p=0.5)
        self.fc3 = nn.Linear(in_features=4096, out_features=num_classes)
        self.activation = nn.Softmax(dim=-1)

    def forward(self, x):
        x = self.bn1(self.conv1(x))
        x = self.pool1(x)
        x = self.bn2(self.conv2(x))
        x = self.pool2(x)
        x = self.flatten(x)
        x = self.fc1(x)
        x = self.drop1(x)
        x = self.activation(self.fc3(x))
        return x
