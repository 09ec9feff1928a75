"""What the tests of large runs (test_batches, test_scale) put in their many-file projects."""

from __future__ import annotations

import textwrap

# zz_models.py, checked in the last batch: its step() gets a softmax from a file of the first
# batch, so its finding is found while analysing another batch (and must be reported once)
MODELS = textwrap.dedent(
    """
    import torch.nn as nn


    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(4, 3)

        def forward(self, x):
            return self.fc(x)


    def step(model, probs_fn, x, y):
        criterion = nn.CrossEntropyLoss()
        return criterion(probs_fn(model(x)), y)
    """
).lstrip()
