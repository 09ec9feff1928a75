"""part of positive project [LG001]: the MNIST MLP ends its forward in log_softmax and keeps a CrossEntropyLoss as its criterion."""
# Source: CyberDataLab/nebula@f7cb19c456 (the parent of cb478b0d "Remove duplicated log_softmax in MLP models") nebula/core/models/mnist/mlp.py (re-typed; names renamed)
import torch

from models.base import FederatedModel


class DigitsMLP(FederatedModel):
    def __init__(self, input_channels=1, num_classes=10, learning_rate=1e-3, metrics=None):
        super().__init__(input_channels, num_classes, learning_rate, metrics)
        self.example_input_array = torch.zeros(1, 1, 28, 28)
        self.criterion = torch.nn.CrossEntropyLoss()
        self.l1 = torch.nn.Linear(28 * 28, 256)
        self.l2 = torch.nn.Linear(256, 128)
        self.l3 = torch.nn.Linear(128, num_classes)

    def forward(self, x):
        batch_size, channels, width, height = x.size()
        x = x.view(batch_size, -1)
        x = torch.relu(self.l1(x))
        x = torch.relu(self.l2(x))
        x = self.l3(x)
        x = torch.log_softmax(x, dim=1)
        return x

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.learning_rate)
