"""part of look-alike project [LG001, LG006, LG007]: the template's MNIST model ends forward in F.log_softmax(x, dim=1); config.json names nll_loss for it."""
# Source: cbim-medical-group/pytorch-template@7f76ee095420e23efe22df560d8e0a314fbc16dd model/mnist_model.py (read as is; re-typed, identifiers renamed)
import torch.nn as nn
import torch.nn.functional as F
from base import BaseModel


class DigitModel(BaseModel):
    def __init__(self, num_classes=10):
        super().__init__()
        self.c1 = nn.Conv2d(1, 10, kernel_size=5)
        self.c2 = nn.Conv2d(10, 20, kernel_size=5)
        self.c2_drop = nn.Dropout2d()
        self.l1 = nn.Linear(320, 50)
        self.l2 = nn.Linear(50, num_classes)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.c1(x), 2))
        x = F.relu(F.max_pool2d(self.c2_drop(self.c2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.l1(x))
        x = F.dropout(x, training=self.training)
        x = self.l2(x)
        return F.log_softmax(x, dim=1)
