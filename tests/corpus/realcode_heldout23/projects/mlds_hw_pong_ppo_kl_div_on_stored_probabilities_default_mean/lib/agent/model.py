"""part of positive project [LG008, LG009]: the course homework's Pong policy: two Linear layers ending in nn.Softmax(dim=-1), so both the stored and the current outputs are action probabilities."""
# Source: b05611038/MLDS_2019SPRING at 0591a1a6 (read as is), HW4-1/lib/agent/model.py;
# re-typed, identifiers renamed.
import numpy as np
import torch.nn as nn


class BaselineModel(nn.Module):
    def __init__(self, image_size, action_selection):
        super(BaselineModel, self).__init__()
        self.image_size = image_size
        self.action_selection = action_selection
        self.main = nn.Sequential(
            nn.Linear(np.prod(image_size), 256, bias=True),
            nn.Dropout(p=0.2),
            nn.ReLU(),
            nn.Linear(256, action_selection, bias=True),
            nn.Softmax(dim=-1),
        )

    def forward(self, x):
        x = x.view(x.size(0), -1)
        return self.main(x)
