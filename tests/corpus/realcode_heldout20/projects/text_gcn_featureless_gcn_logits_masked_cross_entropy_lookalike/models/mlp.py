"""part of look-alike project [LG001, LG006, LG013]: the 'dense' baseline, two Linear layers returning logits."""
# Source: iworldtong/text_gcn.pytorch at bc8d0c62 (read as is), models/mlp.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self, input_dim, dropout_rate=0., num_classes=10):
        super(MLP, self).__init__()
        self.fc1 = nn.Linear(input_dim, 200)
        self.fc2 = nn.Linear(200, num_classes)
        self.relu = nn.ReLU(inplace=True)
        self.drop = nn.Dropout(dropout_rate)

    def forward(self, x):
        h = self.drop(self.relu(self.fc1(x)))
        return self.fc2(h)
