"""part of positive project [LG006]: the MLPs, each ending in nn.Softmax(dim=1)."""
# Source: weixr18/MNIST-pytorch at 550a9575f9189c14b49da8897b4179312899b696 src/models/mlp.py (re-typed; the three-layer MLP shortened)
import torch
import torch.nn as nn

input_size = {
    (1, 28, 28): 1 * 28 * 28,
    (1, 28 * 28): 1 * 28 * 28,
    (3, 32, 32): 3 * 32 * 32,
    (1, 3 * 32 * 32): 3 * 32 * 32,
}


class SoftmaxRegression(nn.Module):
    def __init__(self, input_shape=[1, 28, 28]):
        super(SoftmaxRegression, self).__init__()
        fc_shape = input_size[tuple(input_shape)]
        self.fc = nn.Sequential(
            nn.Linear(fc_shape, 10),
            nn.Softmax(dim=1),
        )

    def forward(self, x):
        return self.fc(x)


class TwoLayerPerceptron(nn.Module):
    def __init__(self, input_shape=[1, 28, 28]):
        super(TwoLayerPerceptron, self).__init__()
        fc_shape = input_size[tuple(input_shape)]
        self.fc1 = nn.Sequential(
            nn.Linear(fc_shape, 50),
            nn.LeakyReLU(inplace=True),
        )
        self.fc2 = nn.Sequential(
            nn.Linear(50, 10),
            nn.Softmax(dim=1),
        )

    def forward(self, x):
        x = self.fc1(x)
        x = self.fc2(x)
        return x
