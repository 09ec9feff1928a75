"""part of look-alike project: the author's own network, its classifier stack ending in its Linear layer, as written."""

# Source: step-cheng/CIFAR10-pytorch@16f64129f4 models/mymodel.py (myNN; re-typed; the convolution stack cut to three
# blocks, the test function cut)
from torch import nn


class myNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.flat = nn.Flatten()
        self.conv_pool_stack = nn.Sequential(
            nn.Conv2d(3, 16, kernel_size=3, padding=1, bias=False),
            nn.ReLU(),
            nn.MaxPool2d(2, stride=2),
            nn.Conv2d(16, 64, kernel_size=3, padding=1, bias=False),
            nn.ReLU(),
            nn.MaxPool2d(2, stride=2),
            nn.Conv2d(64, 128, kernel_size=3, padding=1, bias=False),
            nn.ReLU(),
            nn.MaxPool2d(2, stride=2),
        )
        self.linear_relu_stack = nn.Sequential(
            self.flat,
            nn.Linear(128 * 4 * 4, 512, bias=True),
            nn.ReLU(),
            nn.Linear(512, 64, bias=True),
            nn.ReLU(),
            nn.Linear(64, 10, bias=True),
        )

    def forward(self, x):
        return self.linear_relu_stack(self.conv_pool_stack(x))
