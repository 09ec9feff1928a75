"""part of positive project [LG001]: the CNN for 28x28 digits ends with F.softmax(self.fc2(x), dim=1): it returns class probabilities; a second, fully-connected model ends in ReLU."""
# Source: TMdiesel/pytorch-implementation at e3381c67 (read as is; the only commit of pytorch_classification/, 054d85a), pytorch_classification/src/image_network.py; re-typed, identifiers renamed.
import torch
from torch.nn import functional as F


class SmallCNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.block1 = torch.nn.Sequential(torch.nn.Conv2d(1, 28, kernel_size=5), torch.nn.ReLU(),
                                          torch.nn.MaxPool2d(kernel_size=2, stride=2))
        self.block2 = torch.nn.Sequential(torch.nn.Conv2d(28, 10, kernel_size=2), torch.nn.ReLU(),
                                          torch.nn.MaxPool2d(kernel_size=2))
        self.drop1 = torch.nn.Dropout(0.25)
        self.fc1 = torch.nn.Linear(250, 18)
        self.drop2 = torch.nn.Dropout(0.08)
        self.fc2 = torch.nn.Linear(18, 10)

    def forward(self, x):
        x = self.block1(x)
        x = self.block2(x)
        x = self.drop1(x)
        x = torch.relu(self.fc1(x.view(x.size(0), -1)))
        x = F.leaky_relu(self.drop2(x))
        return F.softmax(self.fc2(x), dim=1)


class DenseNet2(torch.nn.Module):
    def __init__(self, hidden_dim=128):
        super().__init__()
        self.l1 = torch.nn.Linear(28 * 28, hidden_dim)
        self.l2 = torch.nn.Linear(hidden_dim, 10)

    def forward(self, x):
        x = x.view(x.size(0), -1)
        x = torch.relu(self.l1(x))
        return torch.relu(self.l2(x))
